import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room for sealed signing secrets: `v1:<keyId>:<IV>:<ciphertext and tag>` of a 49-character `whsec_…` secret is
 * 109 to 140 characters, more than varchar(100) holds. Existing rows keep their plaintext (it still opens) until
 * their secret is next rotated.
 */
export class SealedWebhookSecrets1733100000000 implements MigrationInterface {
  name = 'SealedWebhookSecrets1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.webhook_endpoint
        ALTER COLUMN signing_secret TYPE text,
        ALTER COLUMN previous_signing_secret TYPE text`);
  }

  /**
   * Narrows the columns back, which PostgreSQL refuses ("value too long") while any sealed secret is stored: nothing
   * is truncated, and the code before this migration, which cannot open sealed secrets, is not left to sign with them.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.webhook_endpoint
        ALTER COLUMN signing_secret TYPE varchar(100),
        ALTER COLUMN previous_signing_secret TYPE varchar(100)`);
  }
}
