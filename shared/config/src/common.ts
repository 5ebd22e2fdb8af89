import { z } from 'zod';
import { optionalUrl } from './parse-env';

/**
 * Variables every Junction process understands.
 * - `DATABASE_URL`: a PostgreSQL server; unset means the embedded PGlite store (@default unset).
 * - `JUNCTION_DATA_DIR`: where the embedded store keeps its files (@default `.junction`).
 * - `LOG_LEVEL`: `debug`, `info`, `warn` or `error` (@default `info`).
 */
export const commonEnv = {
  DATABASE_URL: optionalUrl('postgres', 'postgresql'),
  JUNCTION_DATA_DIR: z.string().min(1).default('.junction'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
};

/**
 * The secret the gateway signs principals with and subgraphs verify (`JUNCTION_PRINCIPAL_SECRET`). Required when
 * services run as separate processes; the one-process launcher generates one per start when it is unset.
 */
export const principalSecretEnv = {
  JUNCTION_PRINCIPAL_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)'),
};
