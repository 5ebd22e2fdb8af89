import type { PGlite } from '@electric-sql/pglite' with { 'resolution-mode': 'import' };
import { Duplex } from 'node:stream';

/** A simple-protocol `ROLLBACK`: 'Q', the length, the text and its terminating zero. */
const ROLLBACK = (() => {
  const text = Buffer.from('ROLLBACK\0');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
})();

/** The type byte of Terminate. */
const TERMINATE = 'X'.charCodeAt(0);

/**
 * The embedded store's single PostgreSQL session, shared by every {@link PgliteConnection} of the process. It runs
 * one connection's messages at a time, and rolls back a transaction a connection left open before another uses the
 * session (a client destroyed mid-transaction must not hand its transaction on).
 */
export class PgliteSession {
  #owner: PgliteConnection | undefined;

  constructor(private readonly db: PGlite) {}

  /** A new connection to the session, for `pg`'s `stream` option. */
  connect(): PgliteConnection {
    return new PgliteConnection(this);
  }

  /** Runs `messages` (whole wire-protocol messages) for `connection`; resolves with PGlite's reply bytes. */
  run(connection: PgliteConnection, messages: Uint8Array): Promise<Uint8Array> {
    return this.db.runExclusive(async () => {
      // Startup (no type byte) and Terminate ('X') do not touch the session: an idle pool client may end at any time.
      const touchesSession = messages[0] !== 0 && messages[0] !== TERMINATE;
      if (touchesSession && this.#owner !== connection) {
        if (this.#owner && this.db.isInTransaction()) await this.db.execProtocolRaw(ROLLBACK);
        this.#owner = connection;
      }
      return this.db.execProtocolRaw(messages);
    });
  }
}

/**
 * A `pg` connection to PGlite inside this process: a duplex stream that hands the client's wire-protocol bytes to
 * PGlite and pushes PGlite's replies back, in place of a TCP socket. A query's round trip then costs microtasks,
 * not event-loop turns, so the session lock (`SessionLock`, held from a connection's checkout to its release) is
 * held for the time PGlite works and little more.
 */
export class PgliteConnection extends Duplex {
  #pending: Buffer = Buffer.alloc(0);
  #startupSent = false;
  #work: Promise<void> = Promise.resolve();
  #flushQueued = false;

  constructor(private readonly session: PgliteSession) {
    super();
  }

  /** Called by `pg` as on a socket; there is nothing to reach, so it is connected at once. */
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }

  /* Socket methods `pg` calls; they have no meaning in-process. */
  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    // pg writes a query's messages (Parse, Bind, Describe, Execute, Sync) one by one in one go: they reach PGlite
    // together, once the writing is done.
    if (!this.#flushQueued) {
      this.#flushQueued = true;
      queueMicrotask(() => this.#flush());
    }
    callback();
  }

  /** Hands PGlite the whole messages written so far. */
  #flush(): void {
    this.#flushQueued = false;
    for (let messages = this.#takeWholeMessages(); messages; messages = this.#takeWholeMessages()) this.#run(messages);
  }

  #run(messages: Uint8Array): void {
    this.#work = this.#work
      .then(() => this.session.run(this, messages))
      .then(
        (reply) => {
          if (reply.length > 0) this.push(Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength));
        },
        (error: unknown) => {
          this.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#flush();
    void this.#work.then(() => {
      this.push(null);
      callback();
    });
  }

  /**
   * The whole messages at the front of what the client wrote, or undefined while the first is incomplete. The
   * first message of a connection (startup) has no type byte: its length is its first four bytes; every later
   * message has a type byte before its length. Startup and Terminate go to PGlite alone: it answers startup on a
   * path of its own and reads Terminate only as the first byte of what it is given.
   */
  #takeWholeMessages(): Uint8Array | undefined {
    let end = 0;
    for (;;) {
      const startup = !this.#startupSent;
      const headerBytes = startup ? 4 : 5;
      if (this.#pending.length < end + headerBytes) break;
      const alone = startup || this.#pending[end] === TERMINATE;
      if (alone && end > 0) break;
      const length = startup ? this.#pending.readInt32BE(end) : 1 + this.#pending.readInt32BE(end + 1);
      if (this.#pending.length < end + length) break;
      end += length;
      if (alone) break;
    }
    if (end === 0) return undefined;
    this.#startupSent = true;
    const messages = new Uint8Array(this.#pending.subarray(0, end));
    this.#pending = this.#pending.subarray(end);
    return messages;
  }
}
