import type { Logger, QueryRunner } from 'typeorm';

/** How many of the latest statements a {@link QueryCounter} keeps. */
const KEPT_STATEMENTS = 100;

/**
 * A TypeORM logger that counts the SQL statements a DataSource sends (transaction control excluded), so tests
 * can prove that a list of N references costs one query, not N.
 */
export class QueryCounter implements Logger {
  /** Statements sent since the counter was created or last reset. */
  count = 0;
  /**
   * The latest statements (at most 100), in order, for failing-test messages. Bounded: every service's DataSource
   * logs through a counter for as long as it runs.
   */
  readonly statements: string[] = [];

  logQuery(query: string): void {
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i.test(query)) return;
    this.count += 1;
    if (this.statements.length === KEPT_STATEMENTS) this.statements.shift();
    this.statements.push(query);
  }

  /** Sets the count back to zero. */
  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(_level: 'log' | 'info' | 'warn', _message: unknown, _queryRunner?: QueryRunner): void {}
}
