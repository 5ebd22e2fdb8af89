import { commonEnv, optionalUrl, parseEnv, z } from '@junction/config';

/**
 * Environment every Junction process reads for its metrics, traces and shutdown (beside `LOG_LEVEL`, which is in
 * `commonEnv`).
 */
export const observabilityEnv = {
  /** Serve Prometheus metrics on `/metrics` (`false` answers 404 there). @default true */
  JUNCTION_METRICS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** How long, on SIGTERM/SIGINT, in-flight requests may take to finish before their connections are cut. @default 10000 */
  JUNCTION_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * OTLP/HTTP collector to export traces to (its base URL; spans go to `<endpoint>/v1/traces` as JSON). Unset: no
   * tracer is built and no span is made. @default unset
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl('http', 'https'),
};

/** What {@link loadObservabilityConfig} reads. */
export interface ObservabilityConfig {
  /** The level of the JSON logs. @default 'info' */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Serve `/metrics`. @default true */
  metricsEndpoint: boolean;
  /** How long in-flight requests may take to finish on shutdown, in milliseconds. @default 10000 */
  drainTimeoutMs: number;
  /** The OTLP/HTTP collector's base URL; undefined means no tracing. @default undefined */
  otlpEndpoint?: string;
}

/** Reads {@link observabilityEnv}; throws a message naming every bad variable. */
export function loadObservabilityConfig(env: Record<string, string | undefined> = process.env): ObservabilityConfig {
  return observabilityFromEnv(parseEnv({ LOG_LEVEL: commonEnv.LOG_LEVEL, ...observabilityEnv }, env));
}

/** The {@link ObservabilityConfig} of an environment parsed with {@link observabilityEnv} and `LOG_LEVEL` in its shape. */
export function observabilityFromEnv(parsed: {
  LOG_LEVEL: ObservabilityConfig['logLevel'];
  JUNCTION_METRICS: boolean;
  JUNCTION_DRAIN_TIMEOUT_MS: number;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}): ObservabilityConfig {
  return {
    logLevel: parsed.LOG_LEVEL,
    metricsEndpoint: parsed.JUNCTION_METRICS,
    drainTimeoutMs: parsed.JUNCTION_DRAIN_TIMEOUT_MS,
    otlpEndpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT,
  };
}
