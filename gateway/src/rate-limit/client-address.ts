import type { IncomingMessage } from 'node:http';

/** Parameters of {@link clientAddress}. */
export interface ClientAddressParameters {
  /** The node request, when the gateway is served by node's http server (Yoga's `serverContext.req`). */
  req?: Pick<IncomingMessage, 'socket'>;
  /** The request's headers. */
  headers: Headers;
  /**
   * How many proxies in front of the gateway append to `X-Forwarded-For` and can be trusted to. 0 uses the
   * socket's address and ignores the header, which a client can write itself. @default 0
   */
  trustProxy?: number;
}

/**
 * The address of the client a request comes from. With `trustProxy` = N, the Nth address from the right of
 * `X-Forwarded-For` + the socket's address: what the outermost trusted proxy saw. Entries further left were
 * written by the client and are never used. IPv4 addresses mapped into IPv6 (`::ffff:127.0.0.1`) come back as
 * IPv4. `unknown` when there is neither a socket nor a trusted header (a request served in-process).
 */
export function clientAddress({ req, headers, trustProxy = 0 }: ClientAddressParameters): string {
  const hops: string[] = [];
  if (trustProxy > 0) {
    for (const entry of (headers.get('x-forwarded-for') ?? '').split(',')) {
      const hop = entry.trim();
      if (hop !== '') hops.push(hop);
    }
  }
  const socket = req?.socket?.remoteAddress;
  if (socket) hops.push(socket);
  if (hops.length === 0) return 'unknown';
  const address = hops[Math.max(0, hops.length - 1 - trustProxy)];
  // A bucket key, not something to trust: keep it short and in one form.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase().slice(0, 64);
}
