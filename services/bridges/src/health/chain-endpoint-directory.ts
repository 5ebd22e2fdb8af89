import { UpstreamUnavailableError } from '@junction/errors';
import { signPrincipal } from '@junction/federation';

/** What bridge health needs to know of a chain, from the chains subgraph. The endpoint URLs are secrets. */
export interface ChainEndpoints {
  /** The chain's id in the catalogue. */
  id: string;
  /** Its EIP-155 chain id. */
  chainId: number;
  /** Its name, for reasons. */
  name: string;
  /** Its expected block time, which sets how long an observation stays fresh. */
  expectedBlockTimeMs: number;
  /** The token it charges gas in: what a native balance is counted in. */
  gasToken: { symbol: string; decimals: number };
  /** Its RPC endpoints, lowest priority first (tried first). Never shown to clients. */
  endpoints: Array<{ url: string; priority: number }>;
}

/** Options of {@link ChainEndpointDirectory}. */
export interface ChainEndpointDirectoryOptions {
  /** `/graphql` of the chains subgraph, which owns `Chain` and its RPC endpoints. */
  url: string;
  /** The secret the subgraphs share, to sign the request as an operator (endpoints are operator-only). */
  principalSecret: string;
  /** How long an answer is reused. @default 30000 */
  ttlMs?: number;
  /** How long one request to the chains subgraph may take. @default 5000 */
  timeoutMs?: number;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** The clock, in ms since the epoch. @default Date.now */
  now?: () => number;
}

const QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Chain { id chainId name expectedBlockTimeMs gasToken { symbol decimals } rpcEndpoints { url priority } }
  }
}`;

interface EntitiesAnswer {
  data?: { _entities?: Array<Omit<ChainEndpoints, 'endpoints'> & { rpcEndpoints: ChainEndpoints['endpoints'] } | null> | null } | null;
  errors?: Array<{ message: string }>;
}

/**
 * Where the bridges subgraph learns the RPC endpoints of the chains a bridge's contracts live on. The chains
 * subgraph owns them (their URLs are secrets, readable by operators only), so they are asked for through
 * federation's `_entities`, signed as an operator: one request for every chain id not known already, shared by
 * concurrent callers, and each answer reused for `ttlMs`. Nothing is kept outside this process's memory.
 */
export class ChainEndpointDirectory {
  private readonly url: string;
  private readonly principalSecret: string;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof globalThis.fetch;
  private readonly now: () => number;
  private readonly known = new Map<string, { chain: ChainEndpoints | null; fetchedAt: number }>();
  private readonly inFlight = new Map<string, Promise<ChainEndpoints | null>>();

  constructor({ url, principalSecret, ttlMs = 30_000, timeoutMs = 5000, fetch = globalThis.fetch, now = Date.now }: ChainEndpointDirectoryOptions) {
    this.url = url;
    this.principalSecret = principalSecret;
    this.ttlMs = ttlMs;
    this.timeoutMs = timeoutMs;
    this.fetch = fetch;
    this.now = now;
  }

  /**
   * The chains with these ids, in the order of `ids`, null for an id the chains subgraph does not know. Throws
   * `UPSTREAM_UNAVAILABLE` when the chains subgraph cannot be asked.
   */
  find(ids: readonly string[]): Promise<Array<ChainEndpoints | null>> {
    const now = this.now();
    const fresh = (id: string) => {
      const entry = this.known.get(id);
      return entry !== undefined && now - entry.fetchedAt < this.ttlMs ? entry : undefined;
    };
    const toAsk = [...new Set(ids)].filter((id) => !fresh(id) && !this.inFlight.has(id));
    if (toAsk.length > 0) {
      const asked = this.ask(toAsk);
      for (const id of toAsk) {
        const answer = asked.then((chains) => chains.get(id) ?? null);
        // Marked handled here; whoever awaits it still gets the rejection.
        answer.catch(() => undefined);
        this.inFlight.set(id, answer);
        answer.finally(() => this.inFlight.delete(id)).catch(() => undefined);
      }
    }
    return Promise.all(
      ids.map((id) => {
        const entry = fresh(id);
        return entry ? entry.chain : (this.inFlight.get(id) ?? null);
      }),
    );
  }

  /** One `_entities` request for `ids`; remembers every answer. */
  private async ask(ids: string[]): Promise<Map<string, ChainEndpoints | null>> {
    let body: EntitiesAnswer;
    try {
      const response = await this.fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signPrincipal({ role: 'OPERATOR' }, { secret: this.principalSecret }) },
        body: JSON.stringify({ query: QUERY, variables: { representations: ids.map((id) => ({ __typename: 'Chain', id })) } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = (await response.json()) as EntitiesAnswer;
    } catch (cause) {
      throw new UpstreamUnavailableError('The chains subgraph', { cause });
    }
    const entities = body.data?._entities;
    if (!entities || body.errors?.length) {
      throw new UpstreamUnavailableError('The chains subgraph', { cause: new Error((body.errors ?? []).map((error) => error.message).join('; ')) });
    }
    const fetchedAt = this.now();
    const chains = new Map<string, ChainEndpoints | null>();
    ids.forEach((id, index) => {
      const entity = entities[index];
      const chain: ChainEndpoints | null = entity
        ? {
            id: entity.id,
            chainId: entity.chainId,
            name: entity.name,
            expectedBlockTimeMs: entity.expectedBlockTimeMs,
            gasToken: entity.gasToken,
            endpoints: [...entity.rpcEndpoints].sort((a, b) => a.priority - b.priority),
          }
        : null;
      chains.set(id, chain);
      this.known.set(id, { chain, fetchedAt });
    });
    return chains;
  }
}
