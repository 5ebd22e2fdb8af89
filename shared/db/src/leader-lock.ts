import type { DataSource, QueryRunner } from 'typeorm';
import type { Store } from './store';

/** Parameters of {@link acquireLeadership}. */
export interface AcquireLeadershipParameters {
  /** The store the DataSource was opened on. On the embedded store (`kind: 'pglite'`) the process is always the leader. */
  store: Pick<Store, 'kind'>;
  /** A DataSource on the database the replicas share; the lock holds one connection of its pool while it leads. */
  dataSource: DataSource;
  /**
   * What the leadership is for, e.g. `chains:health-sampler`. Every replica that passes the same name competes for
   * the same lock; PostgreSQL keys it by `hashtext(name)`, so include the schema where several deployments share
   * one database.
   */
  name: string;
}

/** Whether this process leads, and the means to try again or step down. */
export interface LeaderLock {
  /** The name the lock was taken under. */
  readonly name: string;
  /** True while this process holds the lock (as of the last {@link LeaderLock.tryAcquire}). */
  readonly isLeader: boolean;
  /**
   * Checks that a held lock is still held (its connection still answers), or tries to take it; resolves to
   * `isLeader`. Never waits for another holder. Rejects only when the database cannot be reached at all.
   */
  tryAcquire(): Promise<boolean>;
  /** Gives the lock up (another replica's next try takes it) and returns the connection to the pool. Idempotent. */
  release(): Promise<void>;
}

/**
 * Makes this process compete to be the one leader among the replicas sharing a database, and makes a first try.
 *
 * On PostgreSQL the lock is a session advisory lock (`pg_try_advisory_lock(hashtext(name))`) held on a connection
 * kept open for as long as the process leads: exactly one session, so one replica, holds it; when that connection
 * dies (the replica crashed, the server closed it) PostgreSQL frees the lock, this process learns of the loss on
 * its next {@link LeaderLock.tryAcquire} and competes again. Between a loss and that check the process may still
 * believe it leads, so work done under the lock must tolerate one overlapping run (write idempotently).
 * Session locks need session pooling: behind a transaction-pooling proxy (PgBouncer `pool_mode=transaction`) they
 * do not hold.
 *
 * On the embedded store (PGlite) there is one database session per process and no other process can open the same
 * data directory, so the process is the leader without asking. No connection is held there: the embedded store
 * serializes its single session with a process-wide lock (`SessionLock`), and a query runner kept open would keep
 * every other query of every service in the process waiting.
 */
export async function acquireLeadership({ store, dataSource, name }: AcquireLeadershipParameters): Promise<LeaderLock> {
  const lock = store.kind === 'pglite' ? new EmbeddedLeaderLock(name) : new AdvisoryLeaderLock(dataSource, name);
  await lock.tryAcquire();
  return lock;
}

/** The embedded store's lock: one process, so it leads unless it stepped down. */
class EmbeddedLeaderLock implements LeaderLock {
  isLeader = false;

  constructor(readonly name: string) {}

  async tryAcquire(): Promise<boolean> {
    this.isLeader = true;
    return true;
  }

  async release(): Promise<void> {
    this.isLeader = false;
  }
}

/** A PostgreSQL session advisory lock held on a dedicated connection. */
class AdvisoryLeaderLock implements LeaderLock {
  private holder: QueryRunner | null = null;
  /** The try or release in progress; calls are serialized so two never open two connections. */
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    readonly name: string,
  ) {}

  get isLeader(): boolean {
    return this.holder !== null && !this.holder.isReleased;
  }

  tryAcquire(): Promise<boolean> {
    return this.serialized(async () => {
      if (this.holder && (await this.stillHeld(this.holder))) return true;
      this.holder = null;
      const runner = this.dataSource.createQueryRunner();
      try {
        const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.name])) as Array<{ locked: boolean }>;
        if (locked) {
          this.holder = runner;
          return true;
        }
        await runner.release();
        return false;
      } catch (error) {
        await discard(runner, error);
        throw error;
      }
    });
  }

  release(): Promise<void> {
    return this.serialized(async () => {
      const runner = this.holder;
      this.holder = null;
      if (!runner || runner.isReleased) return;
      try {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [this.name]);
        await runner.release();
      } catch (error) {
        // The connection is gone, and the lock with it; make sure the pool does not reuse the connection.
        await discard(runner, error);
      }
    });
  }

  /** True when `runner`'s connection still answers (it holds the lock for as long as it lives). */
  private async stillHeld(runner: QueryRunner): Promise<boolean> {
    if (runner.isReleased) return false;
    try {
      await runner.query('SELECT 1');
      return true;
    } catch (error) {
      await discard(runner, error);
      return false;
    }
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.pending.then(work, work);
    this.pending = next.catch(() => undefined);
    return next;
  }
}

/**
 * Releases a query runner's connection so that the pool destroys it instead of reusing it: a connection that
 * failed, or one whose lock could not be given back, must not serve anyone else.
 */
async function discard(runner: QueryRunner, error: unknown): Promise<void> {
  if (runner.isReleased) return;
  const postgresRunner = runner as QueryRunner & { releasePostgresConnection?(error?: unknown): Promise<void> };
  if (postgresRunner.releasePostgresConnection) await postgresRunner.releasePostgresConnection(error instanceof Error ? error : new Error(String(error)));
  else await runner.release();
}
