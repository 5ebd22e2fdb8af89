import { z } from '@junction/config';
import { parseCacheTtls } from './parse-cache-ttls';

/**
 * How long answers are kept, in milliseconds, by schema coordinate: `Type.field` applies to an answer whose query
 * selects that field, `Type` to one whose query selects anything of that type (a field returning it, or a list of
 * it), `default` to every answer; the shortest that applies wins, and 0 means never kept.
 *
 * - `Chain.health`, `Bridge.health`: 1 s. Health follows the chain's head, and the fastest block time in the
 *   catalogue is 1 s (the devnet's; Arbitrum's is 0.25 s but its health is read at most once a second). A subgraph
 *   that sends `Cache-Control: max-age` shortens it further.
 * - `Chain.metrics`, `Bridge.metrics`: 30 s (the samplers add a sample every 15 s).
 * - `Incident` and what hangs off it: 10 s (mutations through the gateway invalidate sooner; incidents opened by
 *   alert rules are seen within this).
 * - `default` (the catalogue: partners, chains, bridges, routes, ownership, agreements): 5 minutes.
 */
export const DEFAULT_RESPONSE_CACHE_TTLS: Readonly<Record<string, number>> = Object.freeze({
  default: 300_000,
  'Chain.health': 1000,
  'Bridge.health': 1000,
  'Chain.metrics': 30_000,
  'Bridge.metrics': 30_000,
  Incident: 10_000,
  IncidentUpdate: 10_000,
  IncidentAcknowledgement: 10_000,
});

/** The response cache's configuration; everything is optional. */
export interface ResponseCacheSettings {
  /** Answer repeated reads from the cache. @default true */
  enabled?: boolean;
  /** TTLs of the coordinates to change, in milliseconds; see {@link DEFAULT_RESPONSE_CACHE_TTLS}. @default {} */
  ttls?: Record<string, number>;
  /**
   * Prefix of the cache's keys in Redis, so several deployments (or test runs) can share one Redis; gateways that
   * share a prefix share entries and invalidations. @default 'junction:response-cache:'
   */
  keyPrefix?: string;
  /** The most memory the in-process cache (used without Redis) may hold, in bytes of JSON; the least recently used answers go first. @default 67108864 (64 MiB) */
  maxMemoryBytes?: number;
}

/** {@link DEFAULT_RESPONSE_CACHE_TTLS} with the given TTLs applied. */
export function withDefaultTtls(ttls: Record<string, number> = {}): Record<string, number> {
  return { ...DEFAULT_RESPONSE_CACHE_TTLS, ...ttls };
}

/** Environment variables of the response cache (read by `loadGatewayConfig` and the launcher). */
export const responseCacheEnv = {
  /** `on` answers repeated reads from the cache (Redis with `REDIS_URL`, else memory); `off` never does. @default on */
  GATEWAY_RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  /**
   * TTLs of the coordinates to change, `COORDINATE=DURATION` separated by commas, e.g. `Chain.health=2s,default=10m`;
   * coordinates not named keep their defaults.
   * @default Chain.health=1s,Bridge.health=1s,Chain.metrics=30s,Bridge.metrics=30s,Incident=10s,default=5m
   */
  GATEWAY_RESPONSE_CACHE_TTLS: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseCacheTtls(text);
      if (parsed.ok) return parsed.ttls;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    })
    .optional(),
};

/** {@link responseCacheEnv} as parsed. */
export type ResponseCacheEnv = z.infer<z.ZodObject<typeof responseCacheEnv>>;

/** The settings a parsed environment gives. */
export function responseCacheFromEnv(env: ResponseCacheEnv): ResponseCacheSettings {
  return { enabled: env.GATEWAY_RESPONSE_CACHE === 'on', ttls: env.GATEWAY_RESPONSE_CACHE_TTLS };
}
