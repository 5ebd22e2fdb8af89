import { migrationSchema } from '@junction/db';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Live health: per-chain thresholds and sequencer feed, and the sample history notebooks read. */
export class ChainHealth1732800000000 implements MigrationInterface {
  name = 'ChainHealth1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.chain
        ADD COLUMN sequencer_uptime_feed_address varchar(42),
        ADD COLUMN degraded_after_seconds int CHECK (degraded_after_seconds > 0),
        ADD COLUMN halted_after_seconds int CHECK (halted_after_seconds > 0)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.chain_health_sample (
        chain_id uuid NOT NULL REFERENCES ${s}.chain (id) ON DELETE CASCADE,
        observed_at timestamptz NOT NULL,
        status varchar(16) NOT NULL,
        head_number bigint,
        head_age_seconds double precision,
        safe_lag_blocks int,
        finalized_lag_blocks int,
        finalized_lag_seconds double precision,
        gas_price_gwei double precision,
        base_fee_gwei double precision,
        rpc_latency_ms double precision,
        reachable_endpoints smallint NOT NULL,
        endpoint_count smallint NOT NULL,
        PRIMARY KEY (chain_id, observed_at)
      )`);
    await queryRunner.query(`CREATE INDEX chain_health_sample_observed_at_idx ON ${s}.chain_health_sample (observed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.chain_health_sample`);
    await queryRunner.query(`
      ALTER TABLE ${s}.chain
        DROP COLUMN sequencer_uptime_feed_address,
        DROP COLUMN degraded_after_seconds,
        DROP COLUMN halted_after_seconds`);
  }
}
