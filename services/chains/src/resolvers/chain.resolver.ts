import { NotFoundError } from '@junction/errors';
import { type Page, PageArgs, requireRole, RequiresAccess } from '@junction/federation';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ChainsContext } from '../context';
import type { ChainProbeEntity } from '../entities/chain-probe.entity';
import type { ChainEntity } from '../entities/chain.entity';
import { MAX_PROBES_PER_CHAIN } from '../repositories/chain-probe.repository';
import type { ChainRepository } from '../repositories/chain.repository';
import { Chain, ChainConnection } from '../types/chain';
import { ChainFilter, CreateChainInput, UpdateChainInput } from '../types/chain-inputs';
import { ChainProbe } from '../types/chain-probe';
import { GasToken } from '../types/gas-token';
import { RpcEndpoint } from '../types/rpc-endpoint';

/** Queries and mutations of the chain catalogue. */
@Resolver(() => Chain)
export class ChainResolver {
  constructor(private readonly repository: ChainRepository) {}

  @Query(() => Chain, { nullable: true, description: 'One chain by id or slug; null when none matches.' })
  async chain(
    @Ctx() { loaders }: ChainsContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
  ): Promise<ChainEntity | null> {
    if (id) return loaders.chainById.load(id);
    if (slug) return this.repository.findBySlug(slug);
    return null;
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])')
  @Query(() => ChainConnection, { description: 'The chain catalogue, by name, filtered and paginated.' })
  chains(
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => ChainFilter, { nullable: true }) filter?: ChainFilter,
  ): Promise<Page<ChainEntity>> {
    return this.repository.findPage(filter ?? new ChainFilter(), first, after);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Chain, { description: 'Adds a chain to the catalogue.' })
  createChain(@Arg('input', () => CreateChainInput) input: CreateChainInput): Promise<ChainEntity> {
    return this.repository.create(input);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Chain, { description: 'Changes a chain; omitted fields keep their value.' })
  updateChain(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateChainInput) input: UpdateChainInput): Promise<ChainEntity> {
    return this.repository.update(id, input);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Chain, { description: 'Archives a chain: it leaves lists and can no longer be changed.' })
  archiveChain(@Arg('id', () => ID) id: string): Promise<ChainEntity> {
    return this.repository.archive(id);
  }

  @FieldResolver(() => Chain, { nullable: true, description: 'The chain this one settles on; null for L1s.' })
  async settlement(@Root() chain: ChainEntity, @Ctx() { loaders }: ChainsContext): Promise<ChainEntity | null> {
    if (!chain.settlementChainId) return null;
    const settlement = await loaders.chainById.load(chain.settlementChainId);
    if (!settlement) throw new NotFoundError('chain', chain.settlementChainId);
    return settlement;
  }

  @FieldResolver(() => GasToken)
  gasToken(@Root() chain: ChainEntity): GasToken {
    return { symbol: chain.gasTokenSymbol, decimals: chain.gasTokenDecimals };
  }

  @Directive('@authenticated')
  @FieldResolver(() => [RpcEndpoint], {
    nullable: true,
    description: 'RPC endpoints in the order they are tried. Operators only: others get null and a FORBIDDEN error.',
  })
  rpcEndpoints(@Root() chain: ChainEntity, @Ctx() { principal, loaders }: ChainsContext): Promise<RpcEndpoint[]> {
    requireRole(principal, 'OPERATOR', "see a chain's RPC endpoints");
    return loaders.rpcEndpointsByChainId.load(chain.id);
  }

  @FieldResolver(() => [ChainProbe], { description: `The chain's contract probes, by label (at most ${MAX_PROBES_PER_CHAIN}); their outcomes are in \`health\`.` })
  probes(@Root() chain: ChainEntity, @Ctx() { loaders }: ChainsContext): Promise<ChainProbeEntity[]> {
    return loaders.probesByChainId.load(chain.id);
  }
}
