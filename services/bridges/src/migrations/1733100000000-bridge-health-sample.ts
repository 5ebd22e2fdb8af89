import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bridges' health history `Bridge.metrics` reads: one row per observation the health sampler stores.
 * `escrow_value` is the sum of the ERC-20 balances the observation read, each formatted in whole token units (a
 * plain sum across tokens, not a price-weighted value); `native_balance` is the sum of the native balances, in ETH.
 */
export class BridgeHealthSample1733100000000 implements MigrationInterface {
  name = 'BridgeHealthSample1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.bridge_health_sample (
        bridge_id uuid NOT NULL REFERENCES ${s}.bridge (id) ON DELETE CASCADE,
        observed_at timestamptz NOT NULL,
        status varchar(16) NOT NULL,
        paused_contracts smallint NOT NULL,
        readable_contracts smallint NOT NULL,
        contract_count smallint NOT NULL,
        failing_probes smallint NOT NULL,
        escrow_value double precision,
        native_balance double precision,
        PRIMARY KEY (bridge_id, observed_at)
      )`);
    await queryRunner.query(`CREATE INDEX bridge_health_sample_observed_at_idx ON ${s}.bridge_health_sample (observed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.bridge_health_sample`);
  }
}
