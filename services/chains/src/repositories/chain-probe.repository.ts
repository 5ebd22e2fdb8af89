import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, NotFoundError, type FieldError } from '@junction/errors';
import { groupByKeys } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { In, Raw, type DataSource } from 'typeorm';
import { ChainProbeEntity } from '../entities/chain-probe.entity';
import { lockActiveChain } from './active-chain';

/** The most probes one chain may have: they are evaluated together, in one multicall. */
export const MAX_PROBES_PER_CHAIN = 50;

/** A probe ready to be written: checked, address checksummed. */
export type NewChainProbe = Omit<ChainProbeEntity, 'id' | 'chainId' | 'createdAt'>;

/**
 * The label index as a field error, for `add` only: the case-insensitive label check under the chain lock refuses a
 * taken label first, so this answers only a write that reaches the index some other way (a writer not taking the lock).
 */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  chain_probe_chain_label_key: { field: 'input.label', message: 'is already used by another probe of this chain; pick another label' },
};

/** Reads and writes chains' contract probes. The only code that touches the chain_probe table. */
export class ChainProbeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The probes of each chain, by label, one list per id in `chainIds`. One SQL statement for any number of chains. */
  async findByChainIds(chainIds: readonly string[]): Promise<ChainProbeEntity[][]> {
    const valid = [...new Set(chainIds.filter(isUuid))];
    if (valid.length === 0) return chainIds.map(() => []);
    const rows = await this.dataSource
      .getRepository(ChainProbeEntity)
      .createQueryBuilder('probe')
      .where({ chainId: In(valid) })
      .orderBy('probe.label COLLATE "C"')
      .addOrderBy('probe.id')
      .getMany();
    return groupByKeys(rows, (row) => row.chainId, chainIds);
  }

  /**
   * Adds a checked probe to an active chain: refused when the label is taken (case-insensitively) or the chain
   * already has {@link MAX_PROBES_PER_CHAIN} probes; `NOT_FOUND` when the chain is unknown or archived.
   */
  add(chainId: string, probe: NewChainProbe): Promise<ChainProbeEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      await lockActiveChain(manager, chainId);
      const probes = manager.getRepository(ChainProbeEntity);
      const clash = await probes.findOneBy({ chainId, label: Raw((column) => `lower(${column}) = lower(:label)`, { label: probe.label }) });
      if (clash) throw new BadUserInputError([{ field: 'input.label', message: `"${clash.label}" is already a probe of this chain; pick another label` }]);
      if ((await probes.countBy({ chainId })) >= MAX_PROBES_PER_CHAIN) {
        throw new BadUserInputError([{ field: 'chainId', message: `the chain already has ${MAX_PROBES_PER_CHAIN} probes, the most it may have; remove one first` }]);
      }
      return probes.save(probes.create({ ...probe, id: randomUUID(), chainId }));
    }, UNIQUE_FIELDS);
  }

  /** Removes a probe of an active chain; returns the removed record. */
  remove(id: string): Promise<ChainProbeEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const probe = isUuid(id) ? await manager.findOneBy(ChainProbeEntity, { id }) : null;
      if (!probe) throw new NotFoundError('chain probe', id);
      await lockActiveChain(manager, probe.chainId);
      await manager.delete(ChainProbeEntity, { id });
      return probe;
    });
  }
}
