const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a syntactically valid UUID. Ids that are not UUIDs cannot exist, so repositories answer "not found"
 * for them without sending them to PostgreSQL (which would reject the cast).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
