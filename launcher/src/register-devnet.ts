import { devnetCatalogue, type Devnet } from '@junction/devnet';
import { signPrincipal } from '@junction/federation';

/** Parameters of {@link registerDevnet}. */
export interface RegisterDevnetParameters {
  /** The running devnet. */
  devnet: Devnet;
  /** The chains subgraph's `/graphql` URL. */
  chainsUrl: string;
  /** The principal secret, to act as an operator. */
  principalSecret: string;
}

const KIND_DETAILS = {
  L1: { stack: 'ETHEREUM', daLayer: 'SELF', sequencerModel: 'PROOF_OF_STAKE' },
  OPTIMISTIC_ROLLUP: { stack: 'OP_STACK', daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED' },
  ZK_ROLLUP: { stack: 'ZK_STACK', daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED' },
} as const;

/**
 * Puts the devnet's chains in the catalogue beside the real networks, through the chains subgraph's own API as an
 * operator: created on the first start, and on every start pointed at this run's RPC endpoints (the devnet's
 * ports change) and sequencer feed.
 */
export async function registerDevnet({ devnet, chainsUrl, principalSecret }: RegisterDevnetParameters): Promise<void> {
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(chainsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal({ role: 'OPERATOR' }, { secret: principalSecret }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`Registering the devnet failed: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
  const idsBySlug = new Map<string, string>();
  for (const entry of devnetCatalogue(devnet)) {
    const feed = entry.slug === 'junction-devnet-l2a' ? devnet.contracts.sequencerUptimeFeed.address : null;
    const existing = (await call(`query ($slug: String!) { chain(slug: $slug) { id rpcEndpoints { id url } } }`, { slug: entry.slug })).chain;
    let id: string;
    if (existing) {
      id = existing.id;
      await call(`mutation ($id: ID!, $input: UpdateChainInput!) { updateChain(id: $id, input: $input) { id } }`, {
        id,
        input: { expectedBlockTimeMs: entry.expectedBlockTimeMs, sequencerUptimeFeedAddress: feed },
      });
      for (const endpoint of existing.rpcEndpoints as Array<{ id: string; url: string }>) {
        if (!entry.rpcUrls.includes(endpoint.url)) await call(`mutation ($id: ID!) { removeRpcEndpoint(id: $id) { id } }`, { id: endpoint.id });
      }
    } else {
      const created = await call(`mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`, {
        input: {
          slug: entry.slug,
          name: entry.name,
          chainId: entry.chainId,
          kind: entry.kind,
          ...KIND_DETAILS[entry.kind],
          settlementChainId: entry.settlementSlug ? idsBySlug.get(entry.settlementSlug) : null,
          expectedBlockTimeMs: entry.expectedBlockTimeMs,
          finalityTargetSeconds: 600,
          gasTokenSymbol: 'ETH',
          status: 'TESTNET',
          sequencerUptimeFeedAddress: feed,
        },
      });
      id = created.createChain.id;
    }
    idsBySlug.set(entry.slug, id);
    const known = new Set((existing?.rpcEndpoints ?? []).map((endpoint: { url: string }) => endpoint.url));
    for (const [index, url] of entry.rpcUrls.entries()) {
      if (known.has(url)) continue;
      await call(`mutation ($id: ID!, $input: AddRpcEndpointInput!) { addRpcEndpoint(chainId: $id, input: $input) { id } }`, {
        id,
        input: { label: index === 0 ? 'devnet primary' : 'devnet secondary', url, priority: (index + 1) * 10 },
      });
    }
  }
}
