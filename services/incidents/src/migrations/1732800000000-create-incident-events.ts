import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The incident event log: one row per change, written in the change's transaction. */
export class CreateIncidentEvents1732800000000 implements MigrationInterface {
  name = 'CreateIncidentEvents1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.incident_event (
        id uuid PRIMARY KEY,
        sequence bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        incident_id uuid NOT NULL REFERENCES ${s}.incident (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL,
        visibility varchar(16) NOT NULL,
        status varchar(16) NOT NULL,
        severity varchar(8) NOT NULL,
        chain_ids uuid[] NOT NULL,
        bridge_ids uuid[] NOT NULL,
        partner_ids uuid[] NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX incident_event_incident_id_idx ON ${s}.incident_event (incident_id, sequence)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${migrationSchema(queryRunner)}.incident_event`);
  }
}
