/** What {@link parseCacheTtls} understands, for messages. */
export const CACHE_TTLS_FORMAT = 'COORDINATE=DURATION separated by commas (Type, Type.field or default; DURATION in ms, s, m or h), e.g. Chain.health=2s,Incident=30s,default=10m';

/** The result of {@link parseCacheTtls}: the TTLs it read in milliseconds, or the first problem as a sentence naming the bad part. */
export type ParseCacheTtlsResult = { ok: true; ttls: Record<string, number> } | { ok: false; problem: string };

const ENTRY = /^(default|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)=(\d+)(ms|s|m|h)$/;
const MILLISECONDS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const MAX_MS = 24 * 3_600_000;

/**
 * Reads response cache TTLs written as `COORDINATE=DURATION`, separated by commas: `Chain.health=2s` keeps answers
 * that select `Chain.health` 2 seconds, `Incident=30s` answers that hold incidents 30 seconds, `default=10m` every
 * other answer 10 minutes; `0s` never keeps them. DURATION is a whole number of milliseconds (`ms`), seconds (`s`),
 * minutes (`m`) or hours (`h`), at most 24h. Coordinates not named keep their defaults.
 */
export function parseCacheTtls(text: string): ParseCacheTtlsResult {
  const ttls: Record<string, number> = {};
  for (const entry of text.split(',').map((part) => part.trim())) {
    if (entry === '') return { ok: false, problem: `it has an empty entry; write ${CACHE_TTLS_FORMAT}` };
    const match = ENTRY.exec(entry);
    if (!match) return { ok: false, problem: `"${entry}" is not COORDINATE=DURATION; write ${CACHE_TTLS_FORMAT}` };
    const [, coordinate, amount, unit] = match;
    if (coordinate in ttls) return { ok: false, problem: `${coordinate} is given twice; give each coordinate once` };
    const ms = Number(amount) * MILLISECONDS[unit as keyof typeof MILLISECONDS];
    if (ms > MAX_MS) return { ok: false, problem: `"${entry}": DURATION must be at most 24h` };
    ttls[coordinate] = ms;
  }
  return { ok: true, ttls };
}
