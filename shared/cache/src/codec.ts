/**
 * JSON that keeps `bigint`s (block numbers, balances) and `Date`s, so a value read from Redis is the value that
 * was stored.
 */
export function encodeValue(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, current: unknown) {
    const raw = this[key];
    if (typeof raw === 'bigint') return { $bigint: raw.toString() };
    if (raw instanceof Date) return { $date: raw.toISOString() };
    return current;
  });
}

/** The inverse of {@link encodeValue}. */
export function decodeValue<T>(encoded: string): T {
  return JSON.parse(encoded, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      if (typeof record.$bigint === 'string' && Object.keys(record).length === 1) return BigInt(record.$bigint);
      if (typeof record.$date === 'string' && Object.keys(record).length === 1) return new Date(record.$date);
    }
    return value;
  }) as T;
}
