import type { Logger, QueryRunner } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements a DataSource sends (transaction control excluded), so tests
 * can prove that a list of N references costs one query, not N.
 */
export class QueryCounter implements Logger {
  /** Statements sent since the counter was created or last reset. */
  count = 0;
  /** The statements themselves, in order (kept for failing-test messages). */
  readonly statements: string[] = [];

  logQuery(query: string): void {
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i.test(query)) return;
    this.count += 1;
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
