import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What bridge health reads besides `paused()`: the ERC-20 tokens each contract holds (escrow balances), and
 * operator-defined contract probes per bridge. Probes name chains of the chains service: no FK.
 */
export class BridgeHealth1732900000000 implements MigrationInterface {
  name = 'BridgeHealth1732900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.bridge_contract ADD COLUMN held_tokens varchar(42)[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE ${s}.bridge_contract ADD CONSTRAINT bridge_contract_held_tokens_are_addresses
        CHECK (array_to_string(held_tokens, ',') ~ '^(0x[0-9a-fA-F]{40}(,0x[0-9a-fA-F]{40})*)?$')`,
    );

    await queryRunner.query(`
      CREATE TABLE ${s}.bridge_probe (
        id uuid PRIMARY KEY,
        bridge_id uuid NOT NULL REFERENCES ${s}.bridge (id) ON DELETE CASCADE,
        chain_id uuid NOT NULL,
        address varchar(42) NOT NULL CHECK (address ~ '^0x[0-9a-fA-F]{40}$'),
        signature varchar(500) NOT NULL,
        args jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(args) = 'array'),
        expect_equals varchar(200),
        expect_min varchar(80) CHECK (expect_min ~ '^-?[0-9]+$'),
        expect_max varchar(80) CHECK (expect_max ~ '^-?[0-9]+$'),
        label varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One label per bridge (case-insensitively): reasons name probes by label. Leads with bridge_id: the FK index.
    await queryRunner.query(`CREATE UNIQUE INDEX bridge_probe_bridge_label_key ON ${s}.bridge_probe (bridge_id, lower(label))`);
    await queryRunner.query(`CREATE INDEX bridge_probe_chain_id_idx ON ${s}.bridge_probe (chain_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.bridge_probe`);
    await queryRunner.query(`ALTER TABLE ${s}.bridge_contract DROP COLUMN held_tokens`);
  }
}
