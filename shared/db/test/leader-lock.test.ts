import { acquireLeadership, openDataSource, type LeaderLock, type ServiceDataSource } from '@junction/db';
import { openTestStore, type TestStore } from '@junction/testing';
import { randomBytes } from 'node:crypto';

// One leader among the replicas sharing a database: a PostgreSQL session advisory lock, or the process itself on
// the embedded store (one session per process, which a held connection would block).

describe('leadership on the embedded store (PGlite)', () => {
  let testStore: TestStore;
  let first: ServiceDataSource;
  let second: ServiceDataSource;

  beforeAll(async () => {
    testStore = await openTestStore({ embedded: true });
    first = await openDataSource({ store: testStore.store, schema: testStore.schema('leader_first'), entities: [], migrations: [] });
    second = await openDataSource({ store: testStore.store, schema: testStore.schema('leader_second'), entities: [], migrations: [] });
  });

  afterAll(async () => {
    await first?.dataSource.destroy();
    await second?.dataSource.destroy();
    await testStore?.close();
  });

  it('leads at once, holding no connection, so every other query of the process still runs', async () => {
    const lock = await acquireLeadership({ store: testStore.store, dataSource: first.dataSource, name: 'embedded-test' });
    expect(lock.isLeader).toBe(true);
    first.queries.reset();
    const started = Date.now();
    const [fromFirst, fromSecond] = await Promise.all([first.dataSource.query('SELECT 1 AS one'), second.dataSource.query('SELECT 2 AS two')]);
    expect([fromFirst, fromSecond]).toEqual([[{ one: 1 }], [{ two: 2 }]]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(first.queries.count).toBe(1); // the lock itself sent nothing
    await lock.release();
  });

  it('steps down on release and leads again on the next try', async () => {
    const lock = await acquireLeadership({ store: testStore.store, dataSource: first.dataSource, name: 'embedded-test' });
    await lock.release();
    expect(lock.isLeader).toBe(false);
    expect(await lock.tryAcquire()).toBe(true);
    expect(lock.isLeader).toBe(true);
    await lock.release();
  });
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('leadership on PostgreSQL (needs DATABASE_URL): a session advisory lock', () => {
  let testStore: TestStore;
  let replicaA: ServiceDataSource;
  let replicaB: ServiceDataSource;
  const locks: LeaderLock[] = [];
  const name = `leader-lock-test:${randomBytes(6).toString('hex')}`;

  /** The server process id of the session holding the lock `name`, or null. */
  async function holderPid(): Promise<number | null> {
    const rows = (await replicaB.dataSource.query(
      `SELECT pid FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objsubid = 1
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND classid::bigint = ((hashtext($1)::bigint >> 32) & 4294967295)
          AND objid::bigint = (hashtext($1)::bigint & 4294967295)`,
      [name],
    )) as Array<{ pid: number }>;
    return rows[0]?.pid ?? null;
  }

  async function lead(replica: ServiceDataSource): Promise<LeaderLock> {
    const lock = await acquireLeadership({ store: testStore.store, dataSource: replica.dataSource, name });
    locks.push(lock);
    return lock;
  }

  beforeAll(async () => {
    testStore = await openTestStore();
    replicaA = await openDataSource({ store: testStore.store, schema: testStore.schema('leader_a'), entities: [], migrations: [] });
    replicaB = await openDataSource({ store: testStore.store, schema: testStore.schema('leader_b'), entities: [], migrations: [] });
  });

  afterAll(async () => {
    for (const lock of locks) await lock.release();
    await replicaA?.dataSource.destroy();
    await replicaB?.dataSource.destroy();
    await testStore?.close();
  });

  it('lets exactly one of two replicas lead, and hands over on release', async () => {
    const a = await lead(replicaA);
    const b = await lead(replicaB);
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    expect(await b.tryAcquire()).toBe(false);
    expect(await a.tryAcquire()).toBe(true); // still held, on the same connection
    expect(await holderPid()).toEqual(expect.any(Number));

    await a.release();
    expect(a.isLeader).toBe(false);
    expect(await holderPid()).toBeNull();
    expect(await b.tryAcquire()).toBe(true);
    expect(await a.tryAcquire()).toBe(false);
    await b.release();
    await a.release();
  });

  /** pg_terminate_backend only signals the backend: its locks go when it has exited, a moment later. */
  async function takesOver(lock: { tryAcquire(): Promise<boolean> }): Promise<boolean> {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if (await lock.tryAcquire()) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  it('loses leadership when its connection dies, and takes it again on a later try', async () => {
    const a = await lead(replicaA);
    const b = await lead(replicaB);
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);

    await replicaB.dataSource.query('SELECT pg_terminate_backend($1)', [await holderPid()]);
    expect(await takesOver(b)).toBe(true); // the server frees the dead session's lock once the backend has exited
    expect(await a.tryAcquire()).toBe(false); // a finds its connection gone and b in charge
    expect(a.isLeader).toBe(false);

    await replicaA.dataSource.query('SELECT pg_terminate_backend($1)', [await holderPid()]);
    expect(await takesOver(a)).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    // Both pools still work: the dead connections were discarded, not handed out again.
    expect(await replicaA.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(await replicaB.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
