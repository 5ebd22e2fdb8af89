import type { Redis } from 'ioredis';

/**
 * Closes an ioredis connection: politely (QUIT) when it is up, at once when it is not (a connection that never
 * came up would otherwise keep reconnecting and hold the process open).
 */
export async function closeRedisConnection(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
