import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partners' webhook endpoints and the durable outbox of deliveries to them. */
export class CreateWebhooks1732900000000 implements MigrationInterface {
  name = 'CreateWebhooks1732900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.webhook_endpoint (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL,
        url varchar(2000) NOT NULL,
        description varchar(500),
        event_kinds varchar(16)[],
        enabled boolean NOT NULL,
        signing_secret varchar(100) NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX webhook_endpoint_partner_id_idx ON ${s}.webhook_endpoint (partner_id)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.webhook_delivery (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES ${s}.webhook_endpoint (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES ${s}.incident_event (id) ON DELETE CASCADE,
        event_kind varchar(16) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        lease_token uuid,
        last_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT webhook_delivery_endpoint_event_key UNIQUE (endpoint_id, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_endpoint_created_idx ON ${s}.webhook_delivery (endpoint_id, created_at)`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_event_id_idx ON ${s}.webhook_delivery (event_id)`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_due_idx ON ${s}.webhook_delivery (status, next_attempt_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.webhook_delivery`);
    await queryRunner.query(`DROP TABLE ${s}.webhook_endpoint`);
  }
}
