import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partners, their private contacts and agreements, the ownership matrix and rollout plans with their history. */
export class CreatePartners1732700000000 implements MigrationInterface {
  name = 'CreatePartners1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.partner (
        id uuid PRIMARY KEY,
        slug varchar(64) NOT NULL,
        name varchar(120) NOT NULL,
        kind varchar(32) NOT NULL,
        status varchar(32) NOT NULL,
        website_url varchar(300),
        description varchar(2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX partner_slug_key ON ${s}.partner (slug)`);
    await queryRunner.query(`CREATE INDEX partner_name_idx ON ${s}.partner (name, id)`);
    await queryRunner.query(`CREATE INDEX partner_kind_idx ON ${s}.partner (kind)`);
    await queryRunner.query(`CREATE INDEX partner_status_idx ON ${s}.partner (status)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.partner_contact (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES ${s}.partner (id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        email varchar(254) NOT NULL,
        title varchar(120) NOT NULL,
        phone varchar(16),
        chat_handle varchar(120),
        on_call boolean NOT NULL DEFAULT false,
        escalation_order int CHECK (escalation_order >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partner_contact_on_call_order_check CHECK (NOT on_call OR escalation_order IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX partner_contact_partner_id_idx ON ${s}.partner_contact (partner_id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX partner_contact_email_key ON ${s}.partner_contact (partner_id, lower(email))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX partner_contact_escalation_key ON ${s}.partner_contact (partner_id, escalation_order) WHERE on_call`,
    );

    await queryRunner.query(`
      CREATE TABLE ${s}.partner_agreement (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES ${s}.partner (id) ON DELETE CASCADE,
        chain_id uuid,
        bridge_id uuid,
        confirmations_required int NOT NULL CHECK (confirmations_required >= 0),
        uptime_sla_percent numeric(6, 3) NOT NULL CHECK (uptime_sla_percent > 0 AND uptime_sla_percent <= 100),
        max_finality_seconds int NOT NULL CHECK (max_finality_seconds > 0),
        response_minutes_sev1 int NOT NULL CHECK (response_minutes_sev1 > 0),
        response_minutes_sev2 int NOT NULL,
        response_minutes_sev3 int NOT NULL,
        response_minutes_sev4 int NOT NULL,
        effective_from date NOT NULL,
        effective_until date,
        status varchar(16) NOT NULL,
        terminated_at timestamptz,
        termination_reason varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partner_agreement_subject_check CHECK ((chain_id IS NULL) <> (bridge_id IS NULL)),
        CONSTRAINT partner_agreement_response_order_check CHECK (
          response_minutes_sev1 <= response_minutes_sev2
          AND response_minutes_sev2 <= response_minutes_sev3
          AND response_minutes_sev3 <= response_minutes_sev4),
        CONSTRAINT partner_agreement_period_check CHECK (effective_until IS NULL OR effective_until > effective_from)
      )`);
    await queryRunner.query(`CREATE INDEX partner_agreement_partner_id_idx ON ${s}.partner_agreement (partner_id)`);
    await queryRunner.query(`CREATE INDEX partner_agreement_chain_id_idx ON ${s}.partner_agreement (chain_id)`);
    await queryRunner.query(`CREATE INDEX partner_agreement_bridge_id_idx ON ${s}.partner_agreement (bridge_id)`);
    await queryRunner.query(`CREATE INDEX partner_agreement_status_idx ON ${s}.partner_agreement (status)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.component_ownership (
        id uuid PRIMARY KEY,
        component varchar(32) NOT NULL,
        chain_id uuid,
        bridge_id uuid,
        owner_partner_id uuid NOT NULL REFERENCES ${s}.partner (id),
        backup_partner_id uuid REFERENCES ${s}.partner (id),
        notes varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT component_ownership_target_check CHECK ((chain_id IS NULL) <> (bridge_id IS NULL)),
        CONSTRAINT component_ownership_backup_check CHECK (backup_partner_id IS NULL OR backup_partner_id <> owner_partner_id)
      )`);
    // One owner per component of a target; the leading chain_id / bridge_id also serves lookups by target.
    await queryRunner.query(
      `CREATE UNIQUE INDEX component_ownership_chain_key ON ${s}.component_ownership (chain_id, component) WHERE chain_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX component_ownership_bridge_key ON ${s}.component_ownership (bridge_id, component) WHERE bridge_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX component_ownership_owner_idx ON ${s}.component_ownership (owner_partner_id)`);
    await queryRunner.query(`CREATE INDEX component_ownership_backup_idx ON ${s}.component_ownership (backup_partner_id)`);
    await queryRunner.query(`CREATE INDEX component_ownership_component_idx ON ${s}.component_ownership (component, id)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.rollout_plan (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES ${s}.partner (id),
        chain_id uuid,
        bridge_id uuid,
        title varchar(200) NOT NULL,
        current_phase varchar(32) NOT NULL,
        phases jsonb NOT NULL,
        rollback jsonb NOT NULL,
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rollout_plan_subject_check CHECK ((chain_id IS NULL) <> (bridge_id IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX rollout_plan_partner_id_idx ON ${s}.rollout_plan (partner_id)`);
    await queryRunner.query(`CREATE INDEX rollout_plan_chain_id_idx ON ${s}.rollout_plan (chain_id)`);
    await queryRunner.query(`CREATE INDEX rollout_plan_bridge_id_idx ON ${s}.rollout_plan (bridge_id)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.rollout_transition (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES ${s}.rollout_plan (id) ON DELETE CASCADE,
        sequence int NOT NULL CHECK (sequence >= 1),
        kind varchar(16) NOT NULL,
        from_phase varchar(32),
        to_phase varchar(32) NOT NULL,
        confirmed_gates jsonb NOT NULL DEFAULT '[]',
        note varchar(1000),
        occurred_at timestamptz NOT NULL
      )`);
    // Unique per plan, and the index behind "transitions of these plans, in order".
    await queryRunner.query(`CREATE UNIQUE INDEX rollout_transition_plan_sequence_key ON ${s}.rollout_transition (plan_id, sequence)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.rollout_transition`);
    await queryRunner.query(`DROP TABLE ${s}.rollout_plan`);
    await queryRunner.query(`DROP TABLE ${s}.component_ownership`);
    await queryRunner.query(`DROP TABLE ${s}.partner_agreement`);
    await queryRunner.query(`DROP TABLE ${s}.partner_contact`);
    await queryRunner.query(`DROP TABLE ${s}.partner`);
  }
}
