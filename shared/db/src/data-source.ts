import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { QueryCounter } from './query-counter';
import type { Store } from './store';

/** Parameters of {@link openDataSource}. */
export interface OpenDataSourceParameters {
  /** The store built once per process. */
  store: Store;
  /** The PostgreSQL schema this service owns (for example `chains`). */
  schema: string;
  /** The service's entity classes. */
  entities: MixedList<Function | string | EntitySchema>;
  /** The service's migration classes, applied in order at start-up. */
  migrations: MixedList<Function | string>;
}

/** A service's DataSource, with the counter of statements it has sent. */
export interface ServiceDataSource {
  /** The TypeORM DataSource; only repositories touch it. */
  dataSource: DataSource;
  /** Counts statements sent through this DataSource. */
  queries: QueryCounter;
}

/**
 * Opens a service's DataSource on its own schema and applies its pending migrations. `synchronize` is never on:
 * the schema is exactly what the migrations say, on PGlite and PostgreSQL alike.
 */
export async function openDataSource({ store, schema, entities, migrations }: OpenDataSourceParameters): Promise<ServiceDataSource> {
  const queries = new QueryCounter();
  const dataSource = new DataSource({
    ...(store.connectionOptions as object),
    type: 'postgres',
    schema,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: true,
    logger: queries,
  });
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations();
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  queries.reset();
  return { dataSource, queries };
}

/** The schema name a migration should create its tables in. */
export function migrationSchema(queryRunner: { connection: DataSource }): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('The DataSource has no schema; open it with openDataSource().');
  return `"${schema}"`;
}
