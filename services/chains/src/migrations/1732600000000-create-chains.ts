import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The chain catalogue and its RPC endpoints. */
export class CreateChains1732600000000 implements MigrationInterface {
  name = 'CreateChains1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.chain (
        id uuid PRIMARY KEY,
        slug varchar(64) NOT NULL,
        name varchar(120) NOT NULL,
        chain_id bigint NOT NULL CHECK (chain_id > 0),
        kind varchar(32) NOT NULL,
        stack varchar(32) NOT NULL,
        settlement_chain_id uuid REFERENCES ${s}.chain (id),
        da_layer varchar(32) NOT NULL,
        sequencer_model varchar(32) NOT NULL,
        expected_block_time_ms int NOT NULL CHECK (expected_block_time_ms > 0),
        finality_target_seconds int NOT NULL CHECK (finality_target_seconds > 0),
        gas_token_symbol varchar(16) NOT NULL,
        gas_token_decimals smallint NOT NULL DEFAULT 18,
        explorer_url varchar(300),
        website_url varchar(300),
        status varchar(32) NOT NULL,
        stage varchar(32) NOT NULL,
        risk jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX chain_slug_key ON ${s}.chain (slug)`);
    await queryRunner.query(`CREATE UNIQUE INDEX chain_chain_id_key ON ${s}.chain (chain_id)`);
    await queryRunner.query(`CREATE INDEX chain_settlement_chain_id_idx ON ${s}.chain (settlement_chain_id)`);
    await queryRunner.query(`CREATE INDEX chain_name_idx ON ${s}.chain (name, id)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.rpc_endpoint (
        id uuid PRIMARY KEY,
        chain_id uuid NOT NULL REFERENCES ${s}.chain (id) ON DELETE CASCADE,
        label varchar(80) NOT NULL,
        url varchar(500) NOT NULL,
        priority int NOT NULL DEFAULT 100,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (chain_id, url)
      )`);
    await queryRunner.query(`CREATE INDEX rpc_endpoint_chain_id_idx ON ${s}.rpc_endpoint (chain_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.rpc_endpoint`);
    await queryRunner.query(`DROP TABLE ${s}.chain`);
  }
}
