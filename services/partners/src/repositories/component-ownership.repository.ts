import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, NotFoundError, type FieldError } from '@junction/errors';
import { groupByKeys, keysetPage, type Page } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import { PartnerEntity } from '../entities/partner.entity';
import type { AssignComponentOwnershipInput, ComponentOwnershipFilter, ReassignComponentOwnershipInput } from '../types/component-ownership-inputs';
import { OwnedComponent } from '../types/enums';
import { activePartnerProblems } from './active-partners';

/** Which unique constraint means which input field. */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  component_ownership_chain_key: { field: 'input.component', message: 'already has an owner on this chain; reassign that ownership instead' },
  component_ownership_bridge_key: { field: 'input.component', message: 'already has an owner on this bridge; reassign that ownership instead' },
};

/** Components in the order the enum declares them (sequencer first), for lists per target. */
const COMPONENT_ORDER = Object.values(OwnedComponent);

const byComponent = (a: ComponentOwnershipEntity, b: ComponentOwnershipEntity) =>
  COMPONENT_ORDER.indexOf(a.component) - COMPONENT_ORDER.indexOf(b.component) || a.id.localeCompare(b.id);

/** Reads and writes the ownership matrix. The only code that touches the component_ownership table. */
export class ComponentOwnershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Ownerships by id, in the order of `ids`, null where unknown. One query. */
  async findByIds(ids: readonly string[]): Promise<Array<ComponentOwnershipEntity | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(ComponentOwnershipEntity).findBy({ id: In(valid) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The owned components of each chain, sequencer first. One query for any number of chains. */
  async findByChainIds(chainIds: readonly string[]): Promise<ComponentOwnershipEntity[][]> {
    const valid = chainIds.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(ComponentOwnershipEntity).findBy({ chainId: In(valid) });
    return groupByKeys(rows.sort(byComponent), (row) => row.chainId, chainIds);
  }

  /** The owned components of each bridge, in component order. One query for any number of bridges. */
  async findByBridgeIds(bridgeIds: readonly string[]): Promise<ComponentOwnershipEntity[][]> {
    const valid = bridgeIds.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(ComponentOwnershipEntity).findBy({ bridgeId: In(valid) });
    return groupByKeys(rows.sort(byComponent), (row) => row.bridgeId, bridgeIds);
  }

  /** For each partner, the ownerships where it is the owner or the backup, in component order. One query. */
  async findByPartnerIds(partnerIds: readonly string[]): Promise<ComponentOwnershipEntity[][]> {
    const valid = partnerIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.dataSource.getRepository(ComponentOwnershipEntity).find({
            where: [{ ownerPartnerId: In(valid) }, { backupPartnerId: In(valid) }],
          });
    rows.sort(byComponent);
    return partnerIds.map((partnerId) => rows.filter((row) => row.ownerPartnerId === partnerId || row.backupPartnerId === partnerId));
  }

  /** For each partner, the distinct chains it owns a component of. One query. */
  async findChainIdsByOwnerIds(partnerIds: readonly string[]): Promise<string[][]> {
    const valid = partnerIds.filter(isUuid);
    const rows: Array<{ ownerPartnerId: string; chainId: string }> =
      valid.length === 0
        ? []
        : await this.dataSource
            .getRepository(ComponentOwnershipEntity)
            .createQueryBuilder('ownership')
            .select('ownership.ownerPartnerId', 'ownerPartnerId')
            .addSelect('ownership.chainId', 'chainId')
            .distinct(true)
            .where('ownership.ownerPartnerId IN (:...ids)', { ids: valid })
            .andWhere('ownership.chainId IS NOT NULL')
            .orderBy('ownership.chainId', 'ASC')
            .getRawMany();
    return groupByKeys(rows, (row) => row.ownerPartnerId, partnerIds).map((group) => group.map((row) => row.chainId));
  }

  /** One page of the matrix matching the filter, ordered by component. */
  async findPage(filter: ComponentOwnershipFilter, first: number, after?: string | null): Promise<Page<ComponentOwnershipEntity>> {
    const ids = [filter.chainId, filter.bridgeId, filter.partnerId].filter((id): id is string => id !== undefined && id !== null);
    // An id that is not a UUID names nothing: the page is empty (and PostgreSQL is spared a failing cast).
    if (!ids.every(isUuid)) return { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const query = this.dataSource.getRepository(ComponentOwnershipEntity).createQueryBuilder('ownership');
    if (filter.chainId) query.andWhere('ownership.chainId = :chainId', { chainId: filter.chainId });
    if (filter.bridgeId) query.andWhere('ownership.bridgeId = :bridgeId', { bridgeId: filter.bridgeId });
    if (filter.component) query.andWhere('ownership.component = :component', { component: filter.component });
    if (filter.partnerId) {
      query.andWhere(
        new Brackets((q) =>
          q.where('ownership.ownerPartnerId = :partnerId', { partnerId: filter.partnerId }).orWhere('ownership.backupPartnerId = :partnerId'),
        ),
      );
    }
    return keysetPage(query, { first, after, orderBy: 'ownership.component' });
  }

  /**
   * Assigns a component of a chain or bridge to an owner (and a backup). The input's own rules and the target's
   * existence are checked by the caller; this checks the partners and that the component has no owner yet.
   */
  assign(input: AssignComponentOwnershipInput): Promise<ComponentOwnershipEntity> {
    return writeTransaction(
      this.dataSource,
      async (manager) => {
        const problems = await activePartnerProblems(manager, {
          'input.ownerPartnerId': input.ownerPartnerId,
          'input.backupPartnerId': input.backupPartnerId,
        });
        const target = input.chainId ? { chainId: input.chainId } : { bridgeId: input.bridgeId ?? undefined };
        const existing = await manager.getRepository(ComponentOwnershipEntity).findOneBy({ component: input.component, ...target });
        if (existing) {
          const owner = await manager.getRepository(PartnerEntity).findOne({ where: { id: existing.ownerPartnerId }, select: { name: true } });
          problems.push({
            field: 'input.component',
            message: `${input.component} of this ${input.chainId ? 'chain' : 'bridge'} is already owned by ${owner?.name ?? existing.ownerPartnerId}; reassign that ownership instead`,
          });
        }
        if (problems.length > 0) throw new BadUserInputError(problems);
        return manager.save(
          manager.create(ComponentOwnershipEntity, {
            id: randomUUID(),
            component: input.component,
            chainId: input.chainId ?? null,
            bridgeId: input.bridgeId ?? null,
            ownerPartnerId: input.ownerPartnerId,
            backupPartnerId: input.backupPartnerId ?? null,
            notes: input.notes ?? null,
          }),
        );
      },
      UNIQUE_FIELDS,
    );
  }

  /** Hands a component to another owner or backup; the owner and backup must stay different active partners. */
  reassign(id: string, input: ReassignComponentOwnershipInput): Promise<ComponentOwnershipEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const ownership = await this.lock(manager, id);
      const problems = await activePartnerProblems(manager, {
        'input.ownerPartnerId': input.ownerPartnerId,
        'input.backupPartnerId': input.backupPartnerId,
      });
      if (input.ownerPartnerId !== undefined) ownership.ownerPartnerId = input.ownerPartnerId;
      if (input.backupPartnerId !== undefined) ownership.backupPartnerId = input.backupPartnerId;
      if (input.notes !== undefined) ownership.notes = input.notes;
      if (ownership.backupPartnerId !== null && ownership.backupPartnerId === ownership.ownerPartnerId) {
        problems.push({ field: 'input.backupPartnerId', message: 'must differ from the owner: a backup covers for another partner' });
      }
      if (problems.length > 0) throw new BadUserInputError(problems);
      return manager.save(ownership);
    });
  }

  /** Removes a cell of the matrix; returns the removed record. */
  remove(id: string): Promise<ComponentOwnershipEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const ownership = await this.lock(manager, id);
      await manager.delete(ComponentOwnershipEntity, { id });
      return ownership;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<ComponentOwnershipEntity> {
    const ownership = isUuid(id)
      ? await manager.getRepository(ComponentOwnershipEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!ownership) throw new NotFoundError('component ownership', id);
    return ownership;
  }
}
