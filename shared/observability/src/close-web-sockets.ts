/** What {@link closeWebSockets} needs of a WebSocket (a `ws` WebSocket). */
export interface ClosableWebSocket {
  /** `ws`'s ready state: 3 is CLOSED. */
  readonly readyState: number;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Destroys the connection without a handshake. */
  terminate(): void;
  /** Called once the connection has closed. */
  once(event: 'close', listener: () => void): unknown;
}

/** What {@link closeWebSockets} needs of a WebSocket server (a `ws` WebSocketServer with `clientTracking`). */
export interface WebSocketServerLike {
  /** The open connections. */
  readonly clients: Set<ClosableWebSocket>;
}

/** Options of {@link closeWebSockets}. */
export interface CloseWebSocketsOptions {
  /** The close code sent to every client. @default 1001 (going away: reconnect, to another replica) */
  code?: number;
  /** The close reason sent to every client. @default 'Server shutting down' */
  reason?: string;
  /** How long clients have to complete the closing handshake before their connections are destroyed. @default 5000 */
  timeoutMs?: number;
}

/**
 * Closes every WebSocket of `servers` with `code` (1001 by default) and waits for the closing handshakes, destroying
 * the connections that have not completed theirs after `timeoutMs`.
 */
export async function closeWebSockets(
  servers: Iterable<WebSocketServerLike>,
  { code = 1001, reason = 'Server shutting down', timeoutMs = 5000 }: CloseWebSocketsOptions = {},
): Promise<void> {
  const sockets = [...servers].flatMap((server) => [...server.clients]).filter((socket) => socket.readyState !== 3);
  if (sockets.length === 0) return;
  let deadline: NodeJS.Timeout | undefined;
  const closedAll = Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()))));
  for (const socket of sockets) socket.close(code, reason);
  const timedOut = new Promise<'timeout'>((resolve) => {
    deadline = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    if ((await Promise.race([closedAll, timedOut])) === 'timeout') {
      for (const socket of sockets) if (socket.readyState !== 3) socket.terminate();
    }
  } finally {
    clearTimeout(deadline);
  }
}
