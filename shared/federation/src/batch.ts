/**
 * Groups rows into one list per key, in the order of `keys` (a list per key, empty where none match): the shape
 * a DataLoader batch function returns for one-to-many relations.
 */
export function groupByKeys<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key, keys: readonly Key[]): Row[][] {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** Orders rows by `keys`, with null where a key has no row: the shape of a one-to-one DataLoader batch. */
export function orderByKeys<Row, Key>(rows: readonly Row[], keyOf: (row: Row) => Key, keys: readonly Key[]): Array<Row | null> {
  const byKey = new Map<Key, Row>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}
