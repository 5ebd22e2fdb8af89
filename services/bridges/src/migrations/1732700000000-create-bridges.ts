import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bridges, their contracts per chain and their routes. Chain and partner ids belong to other services: no FKs. */
export class CreateBridges1732700000000 implements MigrationInterface {
  name = 'CreateBridges1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.bridge (
        id uuid PRIMARY KEY,
        slug varchar(64) NOT NULL,
        name varchar(120) NOT NULL,
        kind varchar(32) NOT NULL,
        provider varchar(80) NOT NULL,
        security_model varchar(32) NOT NULL,
        validated_by varchar(500) NOT NULL,
        arbitrary_messaging boolean NOT NULL,
        native_token_required boolean NOT NULL DEFAULT false,
        supported_chains_count int NOT NULL CHECK (supported_chains_count >= 2),
        operator_partner_id uuid,
        website_url varchar(300),
        docs_url varchar(300),
        notes varchar(2000),
        status varchar(32) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX bridge_slug_key ON ${s}.bridge (slug)`);
    // Lists sort names byte-wise (COLLATE "C") so PostgreSQL servers and PGlite agree whatever their locale.
    await queryRunner.query(`CREATE INDEX bridge_name_idx ON ${s}.bridge (name COLLATE "C", id)`);
    await queryRunner.query(`CREATE INDEX bridge_operator_partner_id_idx ON ${s}.bridge (operator_partner_id, name COLLATE "C")`);
    await queryRunner.query(`CREATE INDEX bridge_kind_idx ON ${s}.bridge (kind)`);
    await queryRunner.query(`CREATE INDEX bridge_security_model_idx ON ${s}.bridge (security_model)`);
    await queryRunner.query(`CREATE INDEX bridge_status_idx ON ${s}.bridge (status)`);
    await queryRunner.query(`CREATE INDEX bridge_archived_at_idx ON ${s}.bridge (archived_at)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.bridge_contract (
        id uuid PRIMARY KEY,
        bridge_id uuid NOT NULL REFERENCES ${s}.bridge (id) ON DELETE CASCADE,
        chain_id uuid NOT NULL,
        address varchar(42) NOT NULL CHECK (address ~ '^0x[0-9a-fA-F]{40}$'),
        role varchar(32) NOT NULL,
        pausable boolean NOT NULL DEFAULT false,
        pause_function_signature varchar(200),
        label varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bridge_contract_pause_signature_needs_pausable CHECK (pausable OR pause_function_signature IS NULL)
      )`);
    // Leads with bridge_id, so it also serves as the bridge_id (FK) index.
    await queryRunner.query(
      `CREATE UNIQUE INDEX bridge_contract_bridge_chain_address_key ON ${s}.bridge_contract (bridge_id, chain_id, address)`,
    );
    await queryRunner.query(`CREATE INDEX bridge_contract_chain_id_idx ON ${s}.bridge_contract (chain_id, bridge_id)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.bridge_route (
        id uuid PRIMARY KEY,
        bridge_id uuid NOT NULL REFERENCES ${s}.bridge (id) ON DELETE CASCADE,
        source_chain_id uuid NOT NULL,
        destination_chain_id uuid NOT NULL,
        token_symbol varchar(32) NOT NULL,
        source_token_address varchar(42) CHECK (source_token_address ~ '^0x[0-9a-fA-F]{40}$'),
        destination_token_address varchar(42) CHECK (destination_token_address ~ '^0x[0-9a-fA-F]{40}$'),
        expected_duration_seconds int NOT NULL CHECK (expected_duration_seconds > 0),
        fee_usd_min numeric(14, 4) NOT NULL CHECK (fee_usd_min >= 0),
        fee_usd_max numeric(14, 4) NOT NULL,
        message_fee_usd_min numeric(14, 4) CHECK (message_fee_usd_min >= 0),
        message_fee_usd_max numeric(14, 4),
        max_transfer_usd numeric(20, 2) CHECK (max_transfer_usd > 0),
        confirmations_required int NOT NULL CHECK (confirmations_required >= 0),
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bridge_route_distinct_chains CHECK (source_chain_id <> destination_chain_id),
        CONSTRAINT bridge_route_fee_order CHECK (fee_usd_min <= fee_usd_max),
        CONSTRAINT bridge_route_message_fee_order CHECK (
          (message_fee_usd_min IS NULL AND message_fee_usd_max IS NULL)
          OR (message_fee_usd_min IS NOT NULL AND message_fee_usd_max IS NOT NULL AND message_fee_usd_min <= message_fee_usd_max)
        )
      )`);
    // One route per bridge, direction and token (symbols compared case-insensitively); also the bridge_id index.
    await queryRunner.query(
      `CREATE UNIQUE INDEX bridge_route_bridge_pair_token_key ON ${s}.bridge_route (bridge_id, source_chain_id, destination_chain_id, lower(token_symbol))`,
    );
    // Route search: from A to B, fastest then cheapest.
    await queryRunner.query(
      `CREATE INDEX bridge_route_search_idx ON ${s}.bridge_route (source_chain_id, destination_chain_id, expected_duration_seconds, fee_usd_min, fee_usd_max, id)`,
    );
    await queryRunner.query(`CREATE INDEX bridge_route_destination_chain_id_idx ON ${s}.bridge_route (destination_chain_id, bridge_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.bridge_route`);
    await queryRunner.query(`DROP TABLE ${s}.bridge_contract`);
    await queryRunner.query(`DROP TABLE ${s}.bridge`);
  }
}
