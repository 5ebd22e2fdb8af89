import { Redis } from 'ioredis';

/** Options of {@link connectGatewayRedis}. */
export interface ConnectGatewayRedisOptions {
  /** How long one command may take before it fails (and the caller falls back). @default 500 */
  commandTimeoutMs?: number;
}

/**
 * The gateway's connection to Redis, shared by the features that keep state across replicas (rate limits). It
 * connects in the background and reconnects on its own; a command fails within `commandTimeoutMs` rather than
 * waiting for a reconnection, because every caller has something to fall back to. Connection errors are not
 * logged here: they surface, once a minute, where a command fails.
 */
export function connectGatewayRedis(url: string, { commandTimeoutMs = 500 }: ConnectGatewayRedisOptions = {}): Redis {
  // disconnectTimeout: ioredis waits this long for a socket that never connected to close before destroying it,
  // which keeps the process alive after close(); its default is 2 s.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: commandTimeoutMs, connectTimeout: 2000, disconnectTimeout: 200 });
  redis.on('error', () => {});
  return redis;
}
