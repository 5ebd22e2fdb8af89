import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys: hashed, named by a public prefix, with a role, scopes, expiry, last use and revocation. */
export class CreateApiKeys1764100000000 implements MigrationInterface {
  name = 'CreateApiKeys1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.api_key (
        id uuid PRIMARY KEY,
        partner_id uuid REFERENCES ${s}.partner (id) ON DELETE CASCADE,
        name varchar(80) NOT NULL CHECK (length(name) >= 1),
        prefix varchar(8) NOT NULL,
        hash char(64) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('PARTNER', 'OPERATOR', 'ADMIN')),
        scopes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by varchar(64) NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT api_key_partner_role_check CHECK ((role = 'PARTNER') = (partner_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX api_key_prefix_key ON ${s}.api_key (prefix)`);
    await queryRunner.query(`CREATE UNIQUE INDEX api_key_hash_key ON ${s}.api_key (hash)`);
    await queryRunner.query(`CREATE INDEX api_key_partner_id_idx ON ${s}.api_key (partner_id)`);
    await queryRunner.query(`CREATE INDEX api_key_created_at_idx ON ${s}.api_key (created_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.api_key`);
  }
}
