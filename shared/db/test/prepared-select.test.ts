import { openDataSource, preparedRawAndEntities, type ServiceDataSource } from '@junction/db';
import { openTestStore, type TestStore } from '@junction/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { EntitySchema } from 'typeorm';

interface Reading {
  id: string;
  label: string;
  takenAt: Date;
  note: string | null;
}

const ReadingEntity = new EntitySchema<Reading>({
  name: 'Reading',
  tableName: 'reading',
  columns: {
    id: { type: 'uuid', primary: true },
    label: { type: 'varchar' },
    takenAt: { type: 'timestamptz', name: 'taken_at' },
    note: { type: 'varchar', nullable: true },
  },
});

const stores = [
  ['the embedded store (one session shared by every connection)', true],
  ...(process.env.DATABASE_URL ? [['PostgreSQL (a session per connection)', false] as const] : []),
] as const;

describe.each(stores)('preparedRawAndEntities on %s', (_name, embedded) => {
  let testStore: TestStore;
  let db: ServiceDataSource;
  let schema: string;
  const readings: Reading[] = Array.from({ length: 6 }, (_, index) => ({
    id: randomUUID(),
    label: `reading ${index}`,
    takenAt: new Date(Date.UTC(2026, 10, 1 + index)),
    note: index % 2 ? null : `note ${index}`,
  }));

  beforeAll(async () => {
    testStore = await openTestStore({ embedded });
    schema = testStore.schema('prepared');
    db = await openDataSource({ store: testStore.store, schema, entities: [ReadingEntity], migrations: [] });
    await db.dataSource.query(`CREATE TABLE "${schema}".reading (id uuid PRIMARY KEY, label varchar NOT NULL, taken_at timestamptz NOT NULL, note varchar)`);
    await db.dataSource.getRepository(ReadingEntity).insert(readings);
  });

  afterAll(async () => {
    await db.dataSource.destroy();
    await testStore.close();
  });

  /** Readings among `ids`, newest first, with their position: the same text whatever the ids. */
  const newestAmong = (ids: string[]) =>
    db.dataSource
      .getRepository(ReadingEntity)
      .createQueryBuilder('reading')
      .addSelect('row_number() OVER (ORDER BY reading.takenAt DESC)', 'position')
      .where('reading.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .orderBy('reading.takenAt', 'DESC');

  it('answers what getRawAndEntities answers: entities with their types, and the raw rows', async () => {
    const ids = readings.slice(1, 5).map((reading) => reading.id);
    const prepared = await preparedRawAndEntities<Reading, { position: string }>(newestAmong(ids));
    const unprepared = await newestAmong(ids).getRawAndEntities<{ position: string }>();
    expect(prepared.entities).toEqual(unprepared.entities);
    expect(prepared.entities.map((reading) => reading.label)).toEqual(['reading 4', 'reading 3', 'reading 2', 'reading 1']);
    expect(prepared.entities[0].takenAt).toEqual(readings[4].takenAt);
    expect(prepared.entities.map((reading) => reading.note)).toEqual(['note 4', null, 'note 2', null]);
    expect(prepared.raw.map((row) => Number(row.position))).toEqual([1, 2, 3, 4]);
  });

  it('prepares the statement once per session however many ask at once, and counts it like any statement', async () => {
    const before = db.queries.count;
    const answers = await Promise.all(readings.map((reading) => preparedRawAndEntities<Reading, object>(newestAmong([reading.id]))));
    expect(answers.map(({ entities }) => entities.map((entity) => entity.id))).toEqual(readings.map((reading) => [reading.id]));
    expect(db.queries.count - before).toBe(readings.length);
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement LIKE '%row_number() OVER%'`);
    // Embedded, every connection shares the one session; on a server, the session answering has it at most once.
    if (embedded) expect(count).toBe(1);
    else expect(count).toBeLessThanOrEqual(1);
  });

  it('still runs the statement after the connection that prepared it is gone', async () => {
    await preparedRawAndEntities(newestAmong([readings[0].id]));
    const pool = (db.dataSource.driver as unknown as { master: Pool }).master;
    // Destroyed, not returned: the next statement runs on a new connection (embedded: in the same session).
    (await pool.connect()).release(true);
    const { entities } = await preparedRawAndEntities<Reading, object>(newestAmong([readings[0].id]));
    expect(entities.map((entity) => entity.label)).toEqual(['reading 0']);
  });

  it('refuses a query built inside a transaction, which it would run outside it', async () => {
    const attempt = db.dataSource.transaction((manager) => preparedRawAndEntities(manager.getRepository(ReadingEntity).createQueryBuilder('reading')));
    await expect(attempt).rejects.toThrow('preparedRawAndEntities runs outside transactions; build the query from the DataSource, not a transaction manager.');
  });
});
