import { BaseError, ErrorCode } from '@junction/errors';
import { hashApiKey, MAX_API_KEY_HASHES_PER_LOOKUP, RESOLVE_KEYS_SCOPE, ROLES, signPrincipal, type Principal, type Role } from '@junction/federation/identity';
import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';

/** Parameters of {@link ApiKeyPrincipals}. */
export interface ApiKeyPrincipalsParameters {
  /** `/graphql` of the partners subgraph, which owns the keys; without it every key is refused as unverifiable. */
  partnersUrl: string | undefined;
  /** The secret subgraphs verify principals with. */
  principalSecret: string;
  /**
   * How long a resolved key (or an unknown one) is trusted without asking again. This bounds how long a revoked key
   * keeps working on a replica. @default 5000
   */
  ttlMs?: number;
  /** How many keys are remembered. @default 10000 */
  maxKeys?: number;
  /** How long one lookup may take. @default 2000 */
  timeoutMs?: number;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** What the cache remembers per key hash: its principal, or `false` for a key that does not work. */
type Entry = { principal: Principal | false };

/** How long background refreshes wait to be asked together; a refresh is due well before its answer expires. */
const REFRESH_WINDOW_MS = 50;

/** The gateway's own identity when it asks the partners subgraph about a key. */
const KEY_RESOLVER: Principal = Object.freeze({ role: 'OPERATOR', scopes: [RESOLVE_KEYS_SCOPE] });

const QUERY = 'query ($hashes: [String!]!) { apiKeyPrincipals(hashes: $hashes) { keyId role partnerId scopes expiresAt } }';

/**
 * Resolves API keys to principals by asking the partners subgraph, by hash (the key itself never leaves the
 * gateway). Answers are remembered for `ttlMs` (never past the key's expiry), unknown keys too, and concurrent
 * lookups of one key share one question. A working key used in the second half of its TTL is looked up again in
 * the background, so a busy key's requests do not wait for lookups. Lookups are asked in batches: those a request
 * waits for, together with the others of the same tick; background refreshes, together with those due within
 * {@link REFRESH_WINDOW_MS}, so many keys in use cost the partners subgraph a few questions, not one per key.
 */
export class ApiKeyPrincipals {
  readonly #partnersUrl: string | undefined;
  readonly #principalSecret: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof globalThis.fetch;
  readonly #cache: LRUCache<string, Entry>;
  readonly #ttlMs: number;
  readonly #refreshWithinMs: number;
  readonly #inFlight = new Map<string, Promise<Entry>>();
  readonly #waitedFor: DataLoader<string, Entry>;
  readonly #refreshes: DataLoader<string, Entry>;
  /** How many keys were looked up at the partners subgraph. */
  lookups = 0;
  /** How many questions those lookups took (each about up to 100 keys). */
  questions = 0;

  constructor({ partnersUrl, principalSecret, ttlMs = 5000, maxKeys = 10_000, timeoutMs = 2000, fetch = globalThis.fetch }: ApiKeyPrincipalsParameters) {
    this.#partnersUrl = partnersUrl;
    this.#principalSecret = principalSecret;
    this.#timeoutMs = timeoutMs;
    this.#fetch = fetch;
    this.#cache = new LRUCache({ max: maxKeys, ttl: ttlMs });
    this.#ttlMs = ttlMs;
    this.#refreshWithinMs = ttlMs / 2;
    const lookUp = (hashes: readonly string[]) => this.#lookUp(hashes);
    this.#waitedFor = new DataLoader(lookUp, { cache: false, maxBatchSize: MAX_API_KEY_HASHES_PER_LOOKUP });
    const refreshWindowMs = Math.min(REFRESH_WINDOW_MS, ttlMs / 10);
    this.#refreshes = new DataLoader(lookUp, {
      cache: false,
      maxBatchSize: MAX_API_KEY_HASHES_PER_LOOKUP,
      batchScheduleFn: (run) => setTimeout(run, refreshWindowMs).unref(),
    });
  }

  /**
   * Whether resolving `key` now asks nobody: its answer (a principal, or that it does not work) is remembered, or a
   * lookup of it is already in flight.
   */
  knows(key: string): boolean {
    const hash = hashApiKey(key);
    return this.#cache.has(hash) || this.#inFlight.has(hash);
  }

  /**
   * The principal of `key`, or null when the key is unknown, revoked or expired. Throws `UPSTREAM_UNAVAILABLE`
   * when the partners subgraph cannot answer (nothing is remembered then).
   */
  async resolve(key: string): Promise<Principal | null> {
    const hash = hashApiKey(key);
    const cached = this.#cache.get(hash);
    if (cached) {
      // A working key in use is looked up again in the background in the second half of its TTL, so its requests
      // never wait for a lookup, while its answer is still never older than the TTL.
      if (cached.principal && this.#cache.getRemainingTTL(hash) < this.#refreshWithinMs && !this.#inFlight.has(hash)) {
        this.#start(hash, this.#refreshes).catch(() => {}); // Failing, the answer held stays until it expires.
      }
      return cached.principal || null;
    }
    return ((await this.#inFlight.get(hash)) ?? (await this.#start(hash, this.#waitedFor))).principal || null;
  }

  /** Looks `hash` up through `loader`, once at a time. */
  #start(hash: string, loader: DataLoader<string, Entry>): Promise<Entry> {
    const pending = loader.load(hash).finally(() => this.#inFlight.delete(hash));
    this.#inFlight.set(hash, pending);
    return pending;
  }

  /** Asks the partners subgraph about `hashes` in one question and remembers the answers. */
  async #lookUp(hashes: readonly string[]): Promise<Entry[]> {
    if (!this.#partnersUrl) throw unavailable(new Error('The supergraph has no partners subgraph and PARTNERS_URL is not set.'));
    this.lookups += hashes.length;
    this.questions += 1;
    let body: { data?: { apiKeyPrincipals?: Array<ResolvedKey | null> }; errors?: unknown[] };
    try {
      const response = await this.#fetch(this.#partnersUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signPrincipal(KEY_RESOLVER, { secret: this.#principalSecret }) },
        body: JSON.stringify({ query: QUERY, variables: { hashes } }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch (cause) {
      throw unavailable(cause);
    }
    const resolved = body.data?.apiKeyPrincipals;
    if (!resolved || body.errors || resolved.length !== hashes.length) throw unavailable(body.errors ?? body);
    return hashes.map((hash, index) => {
      const key = resolved[index];
      // A key that expires within the TTL is remembered only until it expires.
      const ttl = key?.expiresAt ? Math.min(this.#ttlMs, Date.parse(key.expiresAt) - Date.now()) : this.#ttlMs;
      const entry: Entry = { principal: key && ttl > 0 ? toPrincipal(key) : false };
      if (ttl > 0) this.#cache.set(hash, entry, { ttl });
      return entry;
    });
  }
}

interface ResolvedKey {
  keyId: string;
  role: string;
  partnerId: string | null;
  scopes: string[];
  expiresAt: string | null;
}

function toPrincipal({ keyId, role, partnerId, scopes }: ResolvedKey): Principal {
  if (!ROLES.includes(role as Role)) throw unavailable(new Error(`The partners subgraph answered an unknown role ${role}.`));
  const principal: Principal = { role: role as Role, keyId, scopes };
  if (partnerId) principal.partnerId = partnerId;
  return Object.freeze(principal);
}

function unavailable(cause: unknown): BaseError {
  return new BaseError('API keys cannot be checked right now because the partners service is unavailable; retry in a few seconds.', {
    code: ErrorCode.UPSTREAM_UNAVAILABLE,
    cause,
  });
}
