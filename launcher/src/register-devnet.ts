import { devnetCatalogue, type Devnet } from '@junction/devnet';
import { signPrincipal, type Principal } from '@junction/federation';

/** Parameters of {@link registerDevnet}. */
export interface RegisterDevnetParameters {
  /** The running devnet. */
  devnet: Devnet;
  /** The chains subgraph's `/graphql` URL. */
  chainsUrl: string;
  /** The bridges subgraph's `/graphql` URL. */
  bridgesUrl: string;
  /** The principal secret, to act as an operator. */
  principalSecret: string;
}

const KIND_DETAILS = {
  L1: { stack: 'ETHEREUM', daLayer: 'SELF', sequencerModel: 'PROOF_OF_STAKE' },
  OPTIMISTIC_ROLLUP: { stack: 'OP_STACK', daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED' },
  ZK_ROLLUP: { stack: 'ZK_STACK', daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED' },
} as const;

/** The launcher's identity when it registers the devnet: an operator that may change the catalogue. */
const REGISTRAR: Principal = Object.freeze({ role: 'OPERATOR', scopes: ['catalogue:write'] });

/**
 * Puts the devnet's chains in the catalogue beside the real networks, through the chains subgraph's own API as an
 * operator: created on the first start, and on every start pointed at this run's RPC endpoints (the devnet's
 * ports change) and sequencer feed.
 */
export async function registerDevnet({ devnet, chainsUrl, bridgesUrl, principalSecret }: RegisterDevnetParameters): Promise<void> {
  const call = async (query: string, variables: Record<string, unknown>, url = chainsUrl) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(REGISTRAR, { secret: principalSecret }) },
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
  await registerDevnetBridge(devnet, idsBySlug, (query, variables) => call(query, variables, bridgesUrl));
}

/** The demo bridge between the devnet L1 and L2A: its two pausable escrows holding jUSD, and routes both ways. */
async function registerDevnetBridge(
  devnet: Devnet,
  idsBySlug: Map<string, string>,
  call: (query: string, variables: Record<string, unknown>) => Promise<any>,
): Promise<void> {
  const existing = (await call(`query { bridge(slug: "junction-devnet-bridge") { id } }`, {})).bridge;
  if (existing) return;
  const l1 = idsBySlug.get('junction-devnet-l1');
  const l2a = idsBySlug.get('junction-devnet-l2a');
  const escrow = (chainId: string | undefined, address: string, token: string, label: string) => ({
    chainId, address, role: 'ESCROW', label, pausable: true, pauseFunctionSignature: 'pause()', heldTokenAddresses: [token],
  });
  const route = (sourceChainId: string | undefined, destinationChainId: string | undefined, expectedDurationSeconds: number) => ({
    sourceChainId, destinationChainId, tokenSymbol: 'jUSD', expectedDurationSeconds, feeUsdMin: 0.01, feeUsdMax: 0.05, confirmationsRequired: 1,
  });
  await call(`mutation ($input: CreateBridgeInput!) { createBridge(input: $input) { id } }`, {
    input: {
      slug: 'junction-devnet-bridge',
      name: 'Junction Devnet Bridge',
      kind: 'CANONICAL',
      provider: 'Junction devnet',
      securityModel: 'MULTISIG',
      validatedBy: 'The devnet owner key (anvil account 0)',
      arbitraryMessaging: false,
      supportedChainsCount: 2,
      contracts: [
        escrow(l1, devnet.contracts.escrow.address, devnet.contracts.token.l1, 'L1 escrow'),
        escrow(l2a, devnet.contracts.remoteEscrow.address, devnet.contracts.token.l2a, 'L2A escrow'),
      ],
      routes: [route(l1, l2a, 60), route(l2a, l1, 600)],
    },
  });
}
