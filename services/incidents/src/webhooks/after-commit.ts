import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * Runs callbacks once the transaction of an `EntityManager` has committed, through TypeORM's
 * `afterTransactionCommit` subscriber hook; a rolled-back transaction drops them. Used to wake the webhook
 * dispatcher as soon as the deliveries queued in an incident change are visible to it.
 */
export class AfterCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Array<() => void>>();

  private constructor(private readonly dataSource: DataSource) {}

  /** Subscribes to the transactions of `dataSource` (an initialized DataSource). */
  static attach(dataSource: DataSource): AfterCommit {
    const afterCommit = new AfterCommit(dataSource);
    dataSource.subscribers.push(afterCommit);
    return afterCommit;
  }

  /** Runs `callback` after `manager`'s transaction commits; at once when `manager` is in no transaction. */
  schedule(manager: EntityManager, callback: () => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      callback();
      return;
    }
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), callback]);
  }

  /** Stops listening to the DataSource's transactions. */
  detach(): void {
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** TypeORM hook: runs the callbacks of the committed transaction. */
  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const callbacks = this.pending.get(queryRunner);
    if (!callbacks) return;
    this.pending.delete(queryRunner);
    for (const callback of callbacks) callback();
  }

  /** TypeORM hook: drops the callbacks of the rolled-back transaction. */
  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    this.pending.delete(queryRunner);
  }
}
