import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The signing secret a rotation replaced, kept (and signing deliveries beside the new one) until it expires. */
export class WebhookSecretOverlap1733000000000 implements MigrationInterface {
  name = 'WebhookSecretOverlap1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.webhook_endpoint
        ADD COLUMN previous_signing_secret varchar(100),
        ADD COLUMN previous_secret_expires_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.webhook_endpoint
        DROP COLUMN previous_secret_expires_at,
        DROP COLUMN previous_signing_secret`);
  }
}
