import { seedId, signPrincipal } from '@junction/federation';

/** Parameters of {@link addBenchChains}. */
export interface AddBenchChainsParameters {
  /** `/graphql` of the chains subgraph. */
  chainsUrl: string;
  /** The principal secret the stack was started with. */
  secret: string;
  /** How many chains the catalogue holds now. */
  from: number;
  /** How many it should hold. */
  to: number;
}

/**
 * Adds rollups named `bench-rollup-<n>` until the catalogue holds `to` chains, straight at the chains subgraph,
 * signed as an operator the way the gateway signs a key's principal.
 */
export async function addBenchChains({ chainsUrl, secret, from, to }: AddBenchChainsParameters): Promise<void> {
  for (let index = from; index < to; index++) {
    const response = await fetch(chainsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal({ role: 'OPERATOR', scopes: ['catalogue:write'] }, { secret }) },
      body: JSON.stringify({
        query: `mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`,
        variables: {
          input: {
            slug: `bench-rollup-${index}`, name: `Bench Rollup ${index}`, chainId: 880_000 + index, kind: 'ZK_ROLLUP', stack: 'ZK_STACK',
            settlementChainId: seedId('chain', 'ethereum'), daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED', expectedBlockTimeMs: 1000,
            finalityTargetSeconds: 1200, gasTokenSymbol: 'ETH',
          },
        },
      }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`Adding bench chain ${index} failed: ${JSON.stringify(body.errors)}`);
  }
}
