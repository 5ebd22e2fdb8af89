import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';
import { getOperationAST } from 'graphql';

/** The runtime's `upstreamRetry` setting. */
export type UpstreamRetrySetting = GatewayConfigBase<Record<string, any>>['upstreamRetry'];

/** Parameters of {@link retryQueriesOnly}. */
export interface RetryQueriesOnlyParameters {
  /** How often a failed subgraph request is retried; 0 turns retries off. @default 2 */
  retries?: number;
  /** The wait before the first retry, in milliseconds; each next wait doubles. @default 100 */
  delayMs?: number;
}

/**
 * The runtime's `upstreamRetry` setting that retries subgraph requests of queries only, never mutations (they may
 * have taken effect before the failure was seen) nor subscriptions: a request is retried when the subgraph could
 * not be reached, answered 5xx or 429 (after its `Retry-After`, if it sent one), waiting `delayMs`, then twice
 * that, and so on.
 */
export function retryQueriesOnly({ retries = 2, delayMs = 100 }: RetryQueriesOnlyParameters = {}): UpstreamRetrySetting {
  if (retries <= 0) return undefined;
  // The runtime multiplies the delay by the factor before every wait, the first one included.
  const factor = 2;
  return ({ executionRequest }) => {
    const operationType = executionRequest.operationType ?? getOperationAST(executionRequest.document, executionRequest.operationName)?.operation;
    return operationType === 'query' ? { maxRetries: retries, retryDelay: delayMs / factor, retryDelayFactor: factor } : undefined;
  };
}
