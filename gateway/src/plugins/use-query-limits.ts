import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import { GraphQLError } from 'graphql';

/** Options of {@link useQueryLimits}. */
export interface UseQueryLimitsOptions {
  /** The deepest nesting of selections accepted; introspection's `__schema` does not count. @default 12 */
  maxDepth?: number;
  /** The most aliased fields accepted (`__typename` aliases are free). @default 30 */
  maxAliases?: number;
  /** The most tokens a document may have (variables do not count). @default 2000 */
  maxTokens?: number;
}

/** Which limit a query broke, as `extensions.limit` says. */
export type QueryLimit = 'depth' | 'aliases' | 'tokens';

/**
 * Refuses queries that are too deep, use too many aliases or are too long, before they are validated further or
 * planned, with `QUERY_TOO_COMPLEX` and a sentence naming the limit and what the query had (`extensions.limit`,
 * `max`, `found`); 400 under `application/graphql-response+json`, like any other invalid request. The counting is
 * GraphQL Armor's (max-depth, max-aliases, max-tokens).
 */
export function useQueryLimits({ maxDepth = 12, maxAliases = 30, maxTokens = 2000 }: UseQueryLimitsOptions = {}): GatewayPlugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        maxTokensPlugin({
          n: maxTokens,
          // The parser has no validation context to report to: throw ours instead of the library's error.
          onReject: [
            () => {
              throw tooComplex('tokens', maxTokens, undefined);
            },
          ],
        }),
      );
      addPlugin(
        maxDepthPlugin({
          n: maxDepth,
          propagateOnRejection: false,
          onReject: [(context, error) => context?.reportError(tooComplex('depth', maxDepth, foundIn(error)))],
        }),
      );
      addPlugin(
        maxAliasesPlugin({
          n: maxAliases,
          propagateOnRejection: false,
          onReject: [(context, error) => context?.reportError(tooComplex('aliases', maxAliases, foundIn(error)))],
        }),
      );
    },
  };
}

const SENTENCES: Record<QueryLimit, (max: number, found: number | undefined) => string> = {
  depth: (max, found) =>
    `The query is ${found === undefined ? 'deeper than' : `${found} levels deep, more than`} the limit of ${max}; ask for fewer nested fields, or split it into several queries.`,
  aliases: (max, found) =>
    `The query uses ${found === undefined ? 'more aliases than' : `${found} aliases, more than`} the limit of ${max}; send fewer aliased fields per request.`,
  tokens: (max) =>
    `The query has more than ${max} tokens (names, punctuation and literal values), the limit; send a shorter document and pass values as variables.`,
};

function tooComplex(limit: QueryLimit, max: number, found: number | undefined): GraphQLError {
  return new GraphQLError(SENTENCES[limit](max, found), {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, max, ...(found === undefined ? {} : { found }) },
  });
}

/** What the query had, from GraphQL Armor's message ("… limit of 12 exceeded, found 14."). */
function foundIn(error: GraphQLError): number | undefined {
  const match = /found (\d+)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}
