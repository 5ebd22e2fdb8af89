import { openDataSource, type ServiceDataSource } from '@junction/db';
import { openTestStore, type TestStore } from '@junction/testing';
import type { Pool } from 'pg';

// Always the embedded store, whatever DATABASE_URL says: this is about PGlite's single session.
let testStore: TestStore;
let first: ServiceDataSource;
let second: ServiceDataSource;

beforeAll(async () => {
  testStore = await openTestStore({ embedded: true });
  const { store } = testStore;
  first = await openDataSource({ store, schema: 'store_first', entities: [], migrations: [] });
  second = await openDataSource({ store, schema: 'store_second', entities: [], migrations: [] });
  await first.dataSource.query('CREATE TABLE IF NOT EXISTS store_first.counter (id int PRIMARY KEY, value int NOT NULL)');
});

beforeEach(async () => {
  await first.dataSource.query('INSERT INTO store_first.counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET value = 0');
});

afterAll(async () => {
  await first.dataSource.destroy();
  await second.dataSource.destroy();
  await testStore.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const counter = async () => (await first.dataSource.query('SELECT value FROM store_first.counter WHERE id = 1'))[0].value as number;

describe('embedded store (PGlite, one session per process)', () => {
  it('keeps a concurrent committed update when another transaction rolls back', async () => {
    const failing = first.dataSource
      .transaction(async (manager) => {
        await manager.query('UPDATE store_first.counter SET value = value + 1 WHERE id = 1');
        await sleep(50);
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    const committing = second.dataSource.transaction((manager) => manager.query('UPDATE store_first.counter SET value = value + 10 WHERE id = 1'));
    expect(await failing).toBe('roll back');
    await committing;
    expect(await counter()).toBe(10);
  });

  it('never lets a concurrent reader see an uncommitted write', async () => {
    const seen: number[] = [];
    const writer = first.dataSource
      .transaction(async (manager) => {
        await manager.query('UPDATE store_first.counter SET value = 99 WHERE id = 1');
        await sleep(30);
        throw new Error('abandon');
      })
      .catch(() => undefined);
    const readers = Array.from({ length: 5 }, async () => seen.push(await counter()));
    await Promise.all([writer, ...readers]);
    expect(seen).toEqual([0, 0, 0, 0, 0]);
  });

  it('loses no update when 40 transactions read-modify-write at once', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (index % 2 ? first : second).dataSource.transaction(async (manager) => {
          const [{ value }] = await manager.query('SELECT value FROM store_first.counter WHERE id = 1');
          await sleep(1);
          await manager.query('UPDATE store_first.counter SET value = $1 WHERE id = 1', [value + 1]);
        }),
      ),
    );
    expect(await counter()).toBe(40);
  });

  it('answers each of many concurrent parameterised queries with its own result', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, async (_, index) => {
        const source = index % 2 ? first : second;
        const [row] = await source.dataSource.query('SELECT $1::int AS asked, $2::text AS label', [index, `q${index}`]);
        return [row.asked, row.label];
      }),
    );
    expect(answers).toEqual(Array.from({ length: 60 }, (_, index) => [index, `q${index}`]));
  });

  it('rolls back a transaction whose connection was destroyed before the session serves another connection', async () => {
    const pool = (first.dataSource.driver as unknown as { master: Pool }).master;
    const abandoning = await pool.connect();
    await abandoning.query('BEGIN');
    await abandoning.query('UPDATE store_first.counter SET value = 7 WHERE id = 1');
    abandoning.release(true); // destroyed mid-transaction, as after a failed query
    expect(await counter()).toBe(0);
    await second.dataSource.query('UPDATE store_first.counter SET value = 3 WHERE id = 1');
    expect(await counter()).toBe(3); // the next statements commit on their own, in no leftover transaction
  });

  it('answers a malformed statement with an error and keeps serving', async () => {
    await expect(first.dataSource.query('SELEC 1')).rejects.toThrow(/syntax error/);
    expect(await counter()).toBe(0);
  });
});
