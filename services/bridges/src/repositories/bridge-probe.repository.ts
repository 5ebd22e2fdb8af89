import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, NotFoundError, type FieldError } from '@junction/errors';
import { groupByKeys } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { In, Raw, type DataSource } from 'typeorm';
import { BridgeProbeEntity } from '../entities/bridge-probe.entity';
import { lockActiveBridge } from './active-bridge';
import type { NewBridgeProbe } from './bridge-records';

/** The most probes one bridge may have: they are evaluated together, in one multicall per chain. */
export const MAX_PROBES_PER_BRIDGE = 50;

/**
 * The label index as a field error, for `add` only: the case-insensitive label check under the bridge lock refuses a
 * taken label first, so this answers only a write that reaches the index some other way (a writer not taking the lock).
 */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  bridge_probe_bridge_label_key: { field: 'input.label', message: 'is already used by another probe of this bridge; pick another label' },
};

/** Reads and writes bridges' contract probes. */
export class BridgeProbeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The probes of each bridge, by label, one list per id in `bridgeIds`. One SQL statement for any number of bridges. */
  async findByBridgeIds(bridgeIds: readonly string[]): Promise<BridgeProbeEntity[][]> {
    const valid = [...new Set(bridgeIds.filter(isUuid))];
    if (valid.length === 0) return bridgeIds.map(() => []);
    const rows = await this.dataSource
      .getRepository(BridgeProbeEntity)
      .createQueryBuilder('probe')
      .where({ bridgeId: In(valid) })
      .orderBy('probe.label COLLATE "C"')
      .addOrderBy('probe.id')
      .getMany();
    return groupByKeys(rows, (row) => row.bridgeId, bridgeIds);
  }

  /**
   * Adds a checked probe to an active bridge: refused when the label is taken (case-insensitively) or the bridge
   * already has {@link MAX_PROBES_PER_BRIDGE} probes.
   */
  add(bridgeId: string, probe: NewBridgeProbe): Promise<BridgeProbeEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      await lockActiveBridge(manager, bridgeId);
      const probes = manager.getRepository(BridgeProbeEntity);
      const clash = await probes.findOneBy({ bridgeId, label: Raw((column) => `lower(${column}) = lower(:label)`, { label: probe.label }) });
      if (clash) throw new BadUserInputError([{ field: 'input.label', message: `"${clash.label}" is already a probe of this bridge; pick another label` }]);
      if ((await probes.countBy({ bridgeId })) >= MAX_PROBES_PER_BRIDGE) {
        throw new BadUserInputError([{ field: 'bridgeId', message: `the bridge already has ${MAX_PROBES_PER_BRIDGE} probes, the most it may have; remove one first` }]);
      }
      return probes.save(probes.create({ ...probe, id: randomUUID(), bridgeId }));
    }, UNIQUE_FIELDS);
  }

  /** Removes a probe of an active bridge; returns the removed record. */
  remove(id: string): Promise<BridgeProbeEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const probe = isUuid(id) ? await manager.findOneBy(BridgeProbeEntity, { id }) : null;
      if (!probe) throw new NotFoundError('bridge probe', id);
      await lockActiveBridge(manager, probe.bridgeId);
      await manager.delete(BridgeProbeEntity, { id });
      return probe;
    });
  }
}
