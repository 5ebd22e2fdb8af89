import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** The quoted, schema-qualified table of an entity, for the raw SQL fragments of window-function queries. */
export function tableName(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  const metadata = dataSource.getMetadata(entity);
  const schema = metadata.schema ?? (dataSource.options as { schema?: string }).schema;
  return schema ? `"${schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
}
