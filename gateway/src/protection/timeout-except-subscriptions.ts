import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';
import { getOperationAST } from 'graphql';

/** The runtime's `upstreamTimeout` setting. */
export type UpstreamTimeoutSetting = GatewayConfigBase<Record<string, any>>['upstreamTimeout'];

/**
 * The runtime's `upstreamTimeout` setting that bounds subgraph requests of queries and mutations by `timeoutMs`,
 * and leaves subscriptions alone: their request to the subgraph is an event stream (SSE) that stays open for as
 * long as the client subscribes, and the runtime's timeout would cut it after `timeoutMs`.
 */
export function timeoutExceptSubscriptions(timeoutMs: number | undefined): UpstreamTimeoutSetting {
  if (!timeoutMs) return undefined;
  return ({ executionRequest }) => {
    if (!executionRequest) return timeoutMs;
    const operationType = executionRequest.operationType ?? getOperationAST(executionRequest.document, executionRequest.operationName)?.operation;
    return operationType === 'subscription' ? undefined : timeoutMs;
  };
}
