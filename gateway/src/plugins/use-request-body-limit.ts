import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import { GraphQLError } from 'graphql';

/** Options of {@link useRequestBodyLimit}. */
export interface UseRequestBodyLimitOptions {
  /** The largest request body accepted, in bytes (query, variables and extensions together). @default 102400 */
  maxBytes?: number;
}

/**
 * Answers a GraphQL request whose body is larger than `maxBytes` with HTTP 413 and a JSON GraphQL error
 * (`PAYLOAD_TOO_LARGE`), without reading more than that: a declared `Content-Length` is checked first, and a
 * body without one (chunked) is read only up to the limit. The embedded runtime offers no such setting (Yoga's
 * `maxRequestBodySize` is fixed at 25 MB there).
 */
export function useRequestBodyLimit({ maxBytes = 100 * 1024 }: UseRequestBodyLimitOptions = {}): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        // The HTTP server delivers no more than a declared length (Yoga refuses one that is not a number).
        if (Number(declared) > maxBytes) throw tooLarge(maxBytes, Number(declared));
        return;
      }
      if (!request.body || !requestParser) return;
      setRequestParser(async (parsed) => requestParser(new fetchAPI.Request(parsed.url, { method: parsed.method, headers: parsed.headers, body: await readWithin(parsed, maxBytes) })));
    },
  };
}

/** The request's body, read to its end unless it grows past `maxBytes`. */
async function readWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes, undefined);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(maxBytes: number, declared: number | undefined): GraphQLError {
  const size = declared === undefined ? 'larger than' : `${declared} bytes, more than`;
  return new GraphQLError(
    `The request body is ${size} the limit of ${maxBytes} bytes; send a shorter query with fewer variables, or split it into several requests.`,
    // Closing the connection spares reading the rest of the body, and a client never reuses a half-read socket.
    { extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE, http: { status: 413, headers: { connection: 'close' } } } },
  );
}
