import { BaseError, ErrorCode } from '@junction/errors';
import { hashApiKey, RESOLVE_KEYS_SCOPE, ROLES, signPrincipal, type Principal, type Role } from '@junction/federation';
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

/** The gateway's own identity when it asks the partners subgraph about a key. */
const KEY_RESOLVER: Principal = Object.freeze({ role: 'OPERATOR', scopes: [RESOLVE_KEYS_SCOPE] });

const QUERY = 'query ($hash: String!) { apiKeyPrincipal(hash: $hash) { keyId role partnerId scopes } }';

/**
 * Resolves API keys to principals by asking the partners subgraph, by hash (the key itself never leaves the
 * gateway). Answers are remembered for `ttlMs`, unknown keys too, and concurrent lookups of one key share one
 * request. A working key used in the second half of its TTL is looked up again in the background, so a busy key's
 * requests do not wait for lookups.
 */
export class ApiKeyPrincipals {
  readonly #partnersUrl: string | undefined;
  readonly #principalSecret: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof globalThis.fetch;
  readonly #cache: LRUCache<string, Entry>;
  readonly #refreshWithinMs: number;
  readonly #inFlight = new Map<string, Promise<Entry>>();
  /** How many lookups reached the partners subgraph. */
  lookups = 0;

  constructor({ partnersUrl, principalSecret, ttlMs = 5000, maxKeys = 10_000, timeoutMs = 2000, fetch = globalThis.fetch }: ApiKeyPrincipalsParameters) {
    this.#partnersUrl = partnersUrl;
    this.#principalSecret = principalSecret;
    this.#timeoutMs = timeoutMs;
    this.#fetch = fetch;
    this.#cache = new LRUCache({ max: maxKeys, ttl: ttlMs });
    this.#refreshWithinMs = ttlMs / 2;
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
        this.#start(hash).catch(() => {}); // Failing, the answer held stays until it expires.
      }
      return cached.principal || null;
    }
    return ((await this.#inFlight.get(hash)) ?? (await this.#start(hash))).principal || null;
  }

  /** Looks `hash` up, once at a time. */
  #start(hash: string): Promise<Entry> {
    const pending = this.#lookUp(hash).finally(() => this.#inFlight.delete(hash));
    this.#inFlight.set(hash, pending);
    return pending;
  }

  async #lookUp(hash: string): Promise<Entry> {
    if (!this.#partnersUrl) throw unavailable(new Error('The supergraph has no partners subgraph and PARTNERS_URL is not set.'));
    this.lookups += 1;
    let body: { data?: { apiKeyPrincipal?: ResolvedKey | null }; errors?: unknown[] };
    try {
      const response = await this.#fetch(this.#partnersUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signPrincipal(KEY_RESOLVER, { secret: this.#principalSecret }) },
        body: JSON.stringify({ query: QUERY, variables: { hash } }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch (cause) {
      throw unavailable(cause);
    }
    if (!body.data || body.errors) throw unavailable(body.errors);
    const resolved = body.data.apiKeyPrincipal;
    const entry: Entry = { principal: resolved ? toPrincipal(resolved) : false };
    this.#cache.set(hash, entry);
    return entry;
  }
}

interface ResolvedKey {
  keyId: string;
  role: string;
  partnerId: string | null;
  scopes: string[];
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
