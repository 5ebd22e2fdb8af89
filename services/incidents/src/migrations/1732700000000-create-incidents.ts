import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Incidents, the chains, bridges and partners they affect, their timelines and acknowledgements. */
export class CreateIncidents1732700000000 implements MigrationInterface {
  name = 'CreateIncidents1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.incident (
        id uuid PRIMARY KEY,
        title varchar(200) NOT NULL CHECK (btrim(title) <> ''),
        summary text NOT NULL CHECK (char_length(summary) BETWEEN 1 AND 5000),
        kind varchar(32) NOT NULL,
        severity varchar(8) NOT NULL,
        status varchar(16) NOT NULL,
        visibility varchar(16) NOT NULL,
        runbook_url varchar(500),
        dedup_key varchar(255),
        detection_source varchar(16) NOT NULL,
        detection_rule_key varchar(100),
        reporter_name varchar(120),
        started_at timestamptz NOT NULL,
        identified_at timestamptz,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz,
        CONSTRAINT incident_resolved_at_check CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL)),
        CONSTRAINT incident_rule_key_check CHECK ((detection_source = 'RULE') = (detection_rule_key IS NOT NULL)),
        CONSTRAINT incident_reporter_check CHECK ((detection_source = 'PERSON') = (reporter_name IS NOT NULL))
      )`);
    // One open incident per dedup key: a second alert with the same key updates the first instead of opening another.
    await queryRunner.query(`
      CREATE UNIQUE INDEX incident_open_dedup_key ON ${s}.incident (dedup_key)
      WHERE dedup_key IS NOT NULL AND status <> 'RESOLVED' AND archived_at IS NULL`);
    await queryRunner.query(`CREATE INDEX incident_started_at_idx ON ${s}.incident (started_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX incident_status_idx ON ${s}.incident (status)`);
    await queryRunner.query(`CREATE INDEX incident_severity_idx ON ${s}.incident (severity)`);
    await queryRunner.query(`CREATE INDEX incident_kind_idx ON ${s}.incident (kind)`);
    await queryRunner.query(`CREATE INDEX incident_visibility_idx ON ${s}.incident (visibility)`);
    await queryRunner.query(`CREATE INDEX incident_archived_at_idx ON ${s}.incident (archived_at)`);

    for (const target of ['chain', 'bridge', 'partner']) {
      await queryRunner.query(`
        CREATE TABLE ${s}.incident_${target} (
          incident_id uuid NOT NULL REFERENCES ${s}.incident (id) ON DELETE CASCADE,
          ${target}_id uuid NOT NULL,
          PRIMARY KEY (incident_id, ${target}_id)
        )`);
      await queryRunner.query(`CREATE INDEX incident_${target}_${target}_id_idx ON ${s}.incident_${target} (${target}_id)`);
    }

    await queryRunner.query(`
      CREATE TABLE ${s}.incident_update (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES ${s}.incident (id) ON DELETE CASCADE,
        sequence int NOT NULL CHECK (sequence > 0),
        status varchar(16) NOT NULL,
        previous_status varchar(16),
        message text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 5000),
        author_name varchar(120) NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT incident_update_sequence_key UNIQUE (incident_id, sequence)
      )`);

    // The foreign key to incident_partner makes "only an affected partner can acknowledge" hold in the database too.
    await queryRunner.query(`
      CREATE TABLE ${s}.incident_acknowledgement (
        id uuid PRIMARY KEY,
        incident_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        acknowledged_by varchar(120) NOT NULL,
        note text CHECK (note IS NULL OR char_length(note) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL,
        CONSTRAINT incident_acknowledgement_partner_key UNIQUE (incident_id, partner_id),
        CONSTRAINT incident_acknowledgement_affected_partner_fkey FOREIGN KEY (incident_id, partner_id)
          REFERENCES ${s}.incident_partner (incident_id, partner_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX incident_acknowledgement_partner_id_idx ON ${s}.incident_acknowledgement (partner_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.incident_acknowledgement`);
    await queryRunner.query(`DROP TABLE ${s}.incident_update`);
    for (const target of ['partner', 'bridge', 'chain']) await queryRunner.query(`DROP TABLE ${s}.incident_${target}`);
    await queryRunner.query(`DROP TABLE ${s}.incident`);
  }
}
