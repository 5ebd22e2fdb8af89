import { BadUserInputError, type FieldError } from '@junction/errors';
import { keysetPage, type Page } from '@junction/federation';
import { isUuid, writeTransaction } from '@junction/db';
import { randomUUID } from 'node:crypto';
import { Brackets, In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { getAddress, isAddress } from 'viem';
import { ChainEntity } from '../entities/chain.entity';
import { lockActiveChain } from './active-chain';
import type { ChainFilter, CreateChainInput, UpdateChainInput } from '../types/chain-inputs';
import { ChainKind } from '../types/enums';

/** Which unique constraint means which input field. */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  chain_slug_key: { field: 'input.slug', message: 'is already used by another chain; pick another slug' },
  chain_chain_id_key: { field: 'input.chainId', message: 'is already registered for another chain' },
};

/** Reads and writes chains. The only code that touches the chain table. */
export class ChainRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Chains by id, in the order of `ids`, null where unknown. One query for any number of ids. */
  async findByIds(ids: readonly string[]): Promise<Array<ChainEntity | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(ChainEntity).findBy({ id: In(valid) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Every chain that is not archived, by name. */
  findActive(): Promise<ChainEntity[]> {
    return this.dataSource.getRepository(ChainEntity).find({ where: { archivedAt: IsNull() }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** The chain with this slug, or null. */
  findBySlug(slug: string): Promise<ChainEntity | null> {
    return this.dataSource.getRepository(ChainEntity).findOneBy({ slug });
  }

  /** The chain with this EIP-155 chain id, or null. */
  findByChainId(chainId: number): Promise<ChainEntity | null> {
    return this.dataSource.getRepository(ChainEntity).findOneBy({ chainId });
  }

  /** One page of chains matching the filter, ordered by name. */
  findPage(filter: ChainFilter, first: number, after?: string | null): Promise<Page<ChainEntity>> {
    const query = this.dataSource.getRepository(ChainEntity).createQueryBuilder('chain');
    if (!filter.includeArchived) query.andWhere('chain.archivedAt IS NULL');
    if (filter.kinds?.length) query.andWhere('chain.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.stacks?.length) query.andWhere('chain.stack IN (:...stacks)', { stacks: filter.stacks });
    if (filter.statuses?.length) query.andWhere('chain.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.settlementChainId) query.andWhere('chain.settlementChainId = :settlement', { settlement: filter.settlementChainId });
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere(new Brackets((q) => q.where('chain.name ILIKE :pattern', { pattern }).orWhere('chain.slug ILIKE :pattern')));
    }
    return keysetPage(query, { first, after, orderBy: 'chain.name' });
  }

  /** Adds a chain after checking its references and uniqueness; writes nothing if any check fails. */
  create(input: CreateChainInput, id: string = randomUUID()): Promise<ChainEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const problems = [
        ...(await this.uniquenessProblems(manager, { slug: input.slug, chainId: input.chainId })),
        ...(await this.settlementProblems(manager, input.kind, input.settlementChainId ?? null, id)),
        ...healthSettingsProblems(input),
      ];
      if (problems.length > 0) throw new BadUserInputError(problems);
      const chain = manager.create(ChainEntity, {
        id,
        slug: input.slug,
        name: input.name,
        chainId: input.chainId,
        kind: input.kind,
        stack: input.stack,
        settlementChainId: input.settlementChainId ?? null,
        daLayer: input.daLayer,
        sequencerModel: input.sequencerModel,
        expectedBlockTimeMs: input.expectedBlockTimeMs,
        finalityTargetSeconds: input.finalityTargetSeconds,
        gasTokenSymbol: input.gasTokenSymbol,
        gasTokenDecimals: input.gasTokenDecimals,
        explorerUrl: input.explorerUrl ?? null,
        websiteUrl: input.websiteUrl ?? null,
        status: input.status,
        stage: input.stage,
        risk: input.risk ? plainRisk(input.risk) : null,
        sequencerUptimeFeedAddress: input.sequencerUptimeFeedAddress ? getAddress(input.sequencerUptimeFeedAddress) : null,
        degradedAfterSeconds: input.degradedAfterSeconds ?? null,
        haltedAfterSeconds: input.haltedAfterSeconds ?? null,
        archivedAt: null,
      });
      return manager.save(chain);
    }, UNIQUE_FIELDS);
  }

  /** Changes a chain; omitted fields keep their value. */
  update(id: string, input: UpdateChainInput): Promise<ChainEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const chain = await lockActiveChain(manager, id);
      const problems = [
        ...(input.settlementChainId !== undefined ? await this.settlementProblems(manager, chain.kind, input.settlementChainId, id) : []),
        ...healthSettingsProblems({
          sequencerUptimeFeedAddress: input.sequencerUptimeFeedAddress,
          degradedAfterSeconds: input.degradedAfterSeconds === undefined ? chain.degradedAfterSeconds : input.degradedAfterSeconds,
          haltedAfterSeconds: input.haltedAfterSeconds === undefined ? chain.haltedAfterSeconds : input.haltedAfterSeconds,
        }),
      ];
      if (problems.length > 0) throw new BadUserInputError(problems);
      if (input.settlementChainId !== undefined) chain.settlementChainId = input.settlementChainId;
      if (input.sequencerUptimeFeedAddress !== undefined) {
        chain.sequencerUptimeFeedAddress = input.sequencerUptimeFeedAddress ? getAddress(input.sequencerUptimeFeedAddress) : null;
      }
      const { settlementChainId: _settlement, sequencerUptimeFeedAddress: _feed, risk, ...rest } = input;
      for (const [key, value] of Object.entries(rest)) {
        if (value !== undefined) Object.assign(chain, { [key]: value });
      }
      if (risk !== undefined) chain.risk = risk ? plainRisk(risk) : null;
      return manager.save(chain);
    }, UNIQUE_FIELDS);
  }

  /** Archives a chain: it leaves lists but stays resolvable by id, so history keeps its links. */
  archive(id: string): Promise<ChainEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const chain = await lockActiveChain(manager, id);
      chain.archivedAt = new Date();
      return manager.save(chain);
    }, UNIQUE_FIELDS);
  }

  /** How many chains exist (archived included). */
  count(): Promise<number> {
    return this.dataSource.getRepository(ChainEntity).count();
  }

  private async uniquenessProblems(manager: EntityManager, { slug, chainId }: { slug: string; chainId: number }): Promise<FieldError[]> {
    const clashes = await manager.getRepository(ChainEntity).find({ where: [{ slug }, { chainId }], select: { id: true, slug: true, chainId: true, name: true } });
    const problems: FieldError[] = [];
    const slugClash = clashes.find((c) => c.slug === slug);
    if (slugClash) problems.push({ field: 'input.slug', message: `"${slug}" is already used by ${slugClash.name}; pick another slug` });
    const idClash = clashes.find((c) => c.chainId === chainId);
    if (idClash) problems.push({ field: 'input.chainId', message: `${chainId} is already registered as ${idClash.name}` });
    return problems;
  }

  private async settlementProblems(manager: EntityManager, kind: ChainKind, settlementChainId: string | null, selfId: string): Promise<FieldError[]> {
    const field = 'input.settlementChainId';
    if (settlementChainId === null) {
      return kind === ChainKind.L1 || kind === ChainKind.SIDECHAIN
        ? []
        : [{ field, message: `is required for a ${kind}: give the id of the chain it settles on` }];
    }
    if (kind === ChainKind.L1) return [{ field, message: 'must be null for an L1, which settles on itself' }];
    if (settlementChainId === selfId) return [{ field, message: 'cannot be the chain itself' }];
    const settlement = isUuid(settlementChainId)
      ? await manager.getRepository(ChainEntity).findOneBy({ id: settlementChainId, archivedAt: IsNull() })
      : null;
    return settlement ? [] : [{ field, message: `no active chain has id "${settlementChainId}"` }];
  }
}

/** Problems with a chain's health settings: a feed address that is not a valid EVM address, halted before degraded. */
function healthSettingsProblems({ sequencerUptimeFeedAddress, degradedAfterSeconds, haltedAfterSeconds }: {
  sequencerUptimeFeedAddress?: string | null;
  degradedAfterSeconds?: number | null;
  haltedAfterSeconds?: number | null;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (sequencerUptimeFeedAddress && !isAddress(sequencerUptimeFeedAddress, { strict: true })) {
    problems.push({
      field: 'input.sequencerUptimeFeedAddress',
      message: `"${sequencerUptimeFeedAddress}" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)`,
    });
  }
  if (degradedAfterSeconds != null && haltedAfterSeconds != null && haltedAfterSeconds < degradedAfterSeconds) {
    problems.push({ field: 'input.haltedAfterSeconds', message: `must be at least degradedAfterSeconds (${degradedAfterSeconds})` });
  }
  return problems;
}

function plainRisk(risk: NonNullable<CreateChainInput['risk']>): ChainEntity['risk'] {
  return JSON.parse(JSON.stringify(risk)) as ChainEntity['risk'];
}
