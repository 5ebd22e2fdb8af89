import type { BaseError } from '@junction/errors';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { SubgraphContext } from './subgraph-service';

/**
 * Reports `error` at the current field while the resolver still returns data — for example the last known health
 * of a chain, flagged stale, when every RPC endpoint is down. The client gets both the data and an error with the
 * error's stable code at that path.
 */
export function reportPartialFailure(context: SubgraphContext<unknown>, info: GraphQLResolveInfo, error: BaseError): void {
  context.partialFailures.push({ message: error.shortMessage, path: responsePathAsArray(info.path), extensions: { code: error.code } });
}
