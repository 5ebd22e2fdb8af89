import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { ErrorCode } from '@junction/errors';
import { GraphQLError } from 'graphql';

/**
 * Headers that mark a GET or form request as sent on purpose: a browser sends none of them cross-site without a
 * CORS preflight. `x-graphql-csrf` is ours; `apollo-require-preflight` is what Apollo clients send; a request with
 * an API key (`authorization`, `x-api-key`) was preflighted as well.
 */
export const CSRF_HEADERS: readonly string[] = ['x-graphql-csrf', 'apollo-require-preflight', 'authorization', 'x-api-key'];

/** Options of {@link useCsrfPrevention}. */
export interface UseCsrfPreventionOptions {
  /** Headers of which a GET or form request must carry one. @default {@link CSRF_HEADERS} */
  requestHeaders?: readonly string[];
}

/**
 * Cross-site request forgery prevention: a request a browser would send cross-site without a preflight (a GET, a
 * form or `text/plain` POST) must carry one of `requestHeaders`, or it is refused with HTTP 403 and
 * `CSRF_HEADER_REQUIRED` before it is parsed. JSON POSTs (`content-type: application/json`) always pass. The rule is
 * Yoga's CSRF prevention plugin (the runtime's `csrfPrevention`), with a sentence and a code of ours.
 */
export function useCsrfPrevention({ requestHeaders = CSRF_HEADERS }: UseCsrfPreventionOptions = {}): GatewayPlugin {
  const prevention = useCSRFPrevention({ requestHeaders: [...requestHeaders] });
  const refusal = () =>
    new GraphQLError(
      'A GET or form request must carry a header that other websites cannot make a browser send: send the query as a JSON POST (content-type: application/json), or add the header "x-graphql-csrf: 1" (an API key header counts too).',
      { extensions: { code: ErrorCode.CSRF_HEADER_REQUIRED, http: { status: 403 } } },
    );
  return {
    onRequestParse(payload) {
      try {
        prevention.onRequestParse?.(payload as Parameters<NonNullable<typeof prevention.onRequestParse>>[0]);
      } catch {
        throw refusal();
      }
    },
  };
}
