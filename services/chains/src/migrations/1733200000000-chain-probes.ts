import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Operator-defined contract probes per chain, evaluated with the chain's health. */
export class ChainProbes1733200000000 implements MigrationInterface {
  name = 'ChainProbes1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.chain_probe (
        id uuid PRIMARY KEY,
        chain_id uuid NOT NULL REFERENCES ${s}.chain (id) ON DELETE CASCADE,
        address varchar(42) NOT NULL CHECK (address ~ '^0x[0-9a-fA-F]{40}$'),
        signature varchar(500) NOT NULL,
        args jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(args) = 'array'),
        expect_equals varchar(200),
        expect_min varchar(80) CHECK (expect_min ~ '^-?[0-9]+$'),
        expect_max varchar(80) CHECK (expect_max ~ '^-?[0-9]+$'),
        label varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One label per chain (case-insensitively): reasons name probes by label. Leads with chain_id: the FK index.
    await queryRunner.query(`CREATE UNIQUE INDEX chain_probe_chain_label_key ON ${s}.chain_probe (chain_id, lower(label))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.chain_probe`);
  }
}
