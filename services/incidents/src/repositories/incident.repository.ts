import { isUuid, preparedRawAndEntities, uniqueViolation } from '@junction/db';
import { BadUserInputError, type FieldError } from '@junction/errors';
import { keysetPage, orderByKeys, type EntityDirectory, type Page, type Principal } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { IncidentAcknowledgementEntity } from '../entities/incident-acknowledgement.entity';
import { IncidentEntity } from '../entities/incident.entity';
import { IncidentStatus } from '../types/enums';
import type { IncidentFilter } from '../types/incident-filter';
import type { CreateIncidentInput, UpdateIncidentInput } from '../types/incident-inputs';
import type { IncidentEventLog, RecordIncidentEvent } from '../events/incident-event-log';
import { AFFECTED_TARGETS, linkedIds, type AffectedTarget } from './affected-targets';
import { describeDedupClash, findDedupClash } from './dedup-clash';
import { createInputProblems, NOTHING_LEFT_AFFECTED, updateInputProblems } from './incident-input-problems';
import { whereVisibleTo } from './incident-visibility';
import { lockVisibleIncident } from './lock-visible-incident';
import { missingReferenceProblems } from './missing-references';
import { appendTimelineEntry } from './timeline-entry';

/** One parent (chain, bridge or partner) whose incidents a contributed list asks for. */
export interface AffectedIncidentsKey {
  /** The chain, bridge or partner id. */
  parentId: string;
  /** true: open only; false: resolved only; null: both. */
  open: boolean | null;
  /** How many incidents at most, newest first. */
  first: number;
}

/** The message when a dedup key is taken and the unique index (not the check before it) noticed. */
const DEDUP_RACE = 'is already the dedup key of another open incident; post an update to it instead of opening another';

/** Reads incidents, and creates, changes and archives them. The lifecycle lives in the timeline repository. */
export class IncidentRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: EntityDirectory,
    private readonly events: IncidentEventLog,
  ) {}

  /** Incidents by id, in the order of `ids`; null where unknown or hidden from `principal`. One query. */
  async findVisibleByIds(ids: readonly string[], principal: Principal): Promise<Array<IncidentEntity | null>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return ids.map(() => null);
    const query = this.dataSource.getRepository(IncidentEntity).createQueryBuilder('incident').where('incident.id IN (:...ids)', { ids: valid });
    const rows = await whereVisibleTo(query, principal, 'incident').getMany();
    return orderByKeys(rows, (row) => row.id, ids);
  }

  /** One page of the incidents `principal` may see that match the filter, newest (by startedAt) first. */
  findPage(filter: IncidentFilter, first: number, after: string | null | undefined, principal: Principal): Promise<Page<IncidentEntity>> {
    if (filter.startedAfter && filter.startedBefore && filter.startedAfter.getTime() >= filter.startedBefore.getTime()) {
      throw new BadUserInputError([{ field: 'filter.startedBefore', message: 'must be later than filter.startedAfter' }]);
    }
    const query = this.dataSource.getRepository(IncidentEntity).createQueryBuilder('incident');
    if (!filter.includeArchived) query.andWhere('incident.archivedAt IS NULL');
    if (filter.statuses?.length) query.andWhere('incident.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.severities?.length) query.andWhere('incident.severity IN (:...severities)', { severities: filter.severities });
    if (filter.kinds?.length) query.andWhere('incident.kind IN (:...kinds)', { kinds: filter.kinds });
    if (typeof filter.open === 'boolean') {
      query.andWhere(`incident.status ${filter.open ? '<>' : '='} :resolved`, { resolved: IncidentStatus.RESOLVED });
    }
    if (filter.startedAfter) query.andWhere('incident.startedAt >= :startedAfter', { startedAfter: filter.startedAfter });
    if (filter.startedBefore) query.andWhere('incident.startedAt < :startedBefore', { startedBefore: filter.startedBefore });
    if (filter.chainId) whereAffects(query, 'chain', filter.chainId);
    if (filter.bridgeId) whereAffects(query, 'bridge', filter.bridgeId);
    if (filter.partnerId) whereAffects(query, 'partner', filter.partnerId);
    whereVisibleTo(query, principal, 'incident');
    return keysetPage(query, { first, after, orderBy: 'incident.startedAt', direction: 'DESC' });
  }

  /**
   * The active incidents `principal` may see that affect each parent, newest first, at most `first` per parent
   * (a window function applies the bound in SQL), one list per key in the order of `keys`. One query for any
   * number of parents, whatever mix of `open` and `first` they ask for.
   */
  async findAffecting(target: AffectedTarget, keys: readonly AffectedIncidentsKey[], principal: Principal): Promise<IncidentEntity[][]> {
    const wanted = keys.map((key, index) => ({ ...key, index })).filter((key) => isUuid(key.parentId));
    if (wanted.length === 0) return keys.map(() => []);
    const query = this.dataSource
      .getRepository(IncidentEntity)
      .createQueryBuilder('incident')
      .innerJoin((ranked: SelectQueryBuilder<object>) => rankPerParent(ranked, target, principal), 'ranked', 'ranked.incident_id = incident.id')
      .addSelect('ranked.key_index', 'key_index')
      .where('ranked.position <= ranked.bound')
      .orderBy('ranked.key_index', 'ASC')
      .addOrderBy('ranked.position', 'ASC')
      .setParameters({
        keyIndexes: wanted.map((key) => key.index),
        parentIds: wanted.map((key) => key.parentId),
        openFilters: wanted.map((key) => key.open),
        bounds: wanted.map((key) => key.first),
      });
    // Prepared: planning this query cost twice its execution, and its text depends only on the target and the caller's kind.
    const { entities, raw } = await preparedRawAndEntities<IncidentEntity, { key_index: number; incident_id: string }>(query);
    const byId = new Map(entities.map((incident) => [incident.id, incident]));
    const lists: IncidentEntity[][] = keys.map(() => []);
    for (const row of raw) {
      const incident = byId.get(row.incident_id);
      if (incident) lists[Number(row.key_index)].push(incident);
    }
    return lists;
  }

  /**
   * Opens an incident: checks the input and its references (at their owners, before the transaction), then in
   * one transaction checks the dedup key and writes the incident, its links and its first timeline entry.
   */
  async create(input: CreateIncidentInput, principal: Principal, id: string = randomUUID()): Promise<IncidentEntity> {
    const now = new Date();
    const problems = [...createInputProblems(input, now), ...(await missingReferenceProblems(this.directory, input))];
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.write({ dedupField: 'input.dedupKey' }, async (manager, record) => {
      if (input.dedupKey) {
        const clash = await findDedupClash(manager, { dedupKey: input.dedupKey, principal });
        if (clash) throw new BadUserInputError([{ field: 'input.dedupKey', message: describeDedupClash(input.dedupKey, clash) }]);
      }
      const incident = await manager.save(
        manager.create(IncidentEntity, {
          id,
          title: input.title.trim(),
          summary: input.summary.trim(),
          kind: input.kind,
          severity: input.severity,
          status: IncidentStatus.INVESTIGATING,
          visibility: input.visibility,
          runbookUrl: input.runbookUrl ?? null,
          dedupKey: input.dedupKey ?? null,
          detectionSource: input.detectedBy.source,
          detectionRuleKey: input.detectedBy.ruleKey ?? null,
          reporterName: input.detectedBy.reporterName?.trim() ?? null,
          startedAt: input.startedAt ?? now,
          identifiedAt: null,
          resolvedAt: null,
          archivedAt: null,
        }),
      );
      await insertLinks(manager, 'chain', id, input.chainIds);
      await insertLinks(manager, 'bridge', id, input.bridgeIds);
      await insertLinks(manager, 'partner', id, input.partnerIds);
      await appendTimelineEntry(manager, {
        incidentId: id,
        status: IncidentStatus.INVESTIGATING,
        previousStatus: null,
        message: incident.summary,
        authorName: incident.reporterName ?? `alert rule ${incident.detectionRuleKey}`,
        at: now,
      });
      await record(incident, 'OPENED');
      return incident;
    });
  }

  /**
   * Changes an incident; omitted fields keep their value, given lists replace the affected set. New references
   * are checked at their owners first; the incident must keep a chain or a bridge, and a partner that has
   * acknowledged it stays affected.
   */
  async update(id: string, input: UpdateIncidentInput, principal: Principal): Promise<IncidentEntity> {
    const problems = [...updateInputProblems(input), ...(await missingReferenceProblems(this.directory, input))];
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.write({}, async (manager, record) => {
      const incident = await lockVisibleIncident(manager, id, principal);
      const current = {
        chain: await linkedIds(manager, 'chain', id),
        bridge: await linkedIds(manager, 'bridge', id),
        partner: await linkedIds(manager, 'partner', id),
      };
      const next = { chain: input.chainIds ?? current.chain, bridge: input.bridgeIds ?? current.bridge, partner: input.partnerIds ?? current.partner };
      const stateProblems: FieldError[] = [];
      if (next.chain.length === 0 && next.bridge.length === 0) {
        stateProblems.push({ field: input.chainIds ? 'input.chainIds' : 'input.bridgeIds', message: NOTHING_LEFT_AFFECTED });
      }
      const removedPartners = current.partner.filter((partnerId) => !next.partner.includes(partnerId));
      if (removedPartners.length > 0) {
        const acknowledged = await manager.getRepository(IncidentAcknowledgementEntity).find({ where: { incidentId: id }, select: { partnerId: true } });
        const kept = acknowledged.map((ack) => ack.partnerId).filter((partnerId) => removedPartners.includes(partnerId));
        if (kept.length > 0) {
          const quoted = kept.map((partnerId) => `"${partnerId}"`).join(', ');
          stateProblems.push({ field: 'input.partnerIds', message: `must keep partner ${quoted}: it has acknowledged this incident` });
        }
      }
      if (stateProblems.length > 0) throw new BadUserInputError(stateProblems);
      for (const target of ['chain', 'bridge', 'partner'] as const) {
        await deleteLinks(manager, target, id, current[target].filter((linked) => !next[target].includes(linked)));
        await insertLinks(manager, target, id, next[target].filter((linked) => !current[target].includes(linked)));
      }
      if (input.title) incident.title = input.title.trim();
      if (input.summary) incident.summary = input.summary.trim();
      if (input.kind) incident.kind = input.kind;
      if (input.severity) incident.severity = input.severity;
      if (input.visibility) incident.visibility = input.visibility;
      if (input.runbookUrl !== undefined) incident.runbookUrl = input.runbookUrl;
      incident.updatedAt = new Date();
      const saved = await manager.save(incident);
      await record(saved, 'UPDATED');
      return saved;
    });
  }

  /** Archives an incident: it leaves lists, stays resolvable by id, frees its dedup key and cannot change any more. */
  archive(id: string, principal: Principal): Promise<IncidentEntity> {
    return this.write({}, async (manager, record) => {
      const incident = await lockVisibleIncident(manager, id, principal);
      incident.archivedAt = new Date();
      const saved = await manager.save(incident);
      await record(saved, 'ARCHIVED');
      return saved;
    });
  }

  /** How many incidents exist (archived included). */
  count(): Promise<number> {
    return this.dataSource.getRepository(IncidentEntity).count();
  }

  private async write<T>({ dedupField }: { dedupField?: string }, work: (manager: EntityManager, record: RecordIncidentEvent) => Promise<T>): Promise<T> {
    try {
      return await this.events.write(this.dataSource, work);
    } catch (error) {
      if (dedupField && uniqueViolation(error) === 'incident_open_dedup_key') {
        throw new BadUserInputError([{ field: dedupField, message: DEDUP_RACE }], { cause: error });
      }
      throw error;
    }
  }
}

/**
 * The subquery behind `findAffecting`: for each wanted parent (the parameters are parallel arrays, unnested into
 * rows), the visible active incidents linked to it, numbered newest first within the parent, with its bound.
 */
function rankPerParent(ranked: SelectQueryBuilder<object>, target: AffectedTarget, principal: Principal): SelectQueryBuilder<object> {
  const { entity, idProperty } = AFFECTED_TARGETS[target];
  ranked
    .select('wanted.key_index', 'key_index')
    .addSelect('candidate.id', 'incident_id')
    .addSelect('wanted.bound', 'bound')
    .addSelect('row_number() OVER (PARTITION BY wanted.key_index ORDER BY candidate.startedAt DESC, candidate.id DESC)', 'position')
    .from(
      '(SELECT * FROM unnest(CAST(:keyIndexes AS int[]), CAST(:parentIds AS uuid[]), CAST(:openFilters AS boolean[]), CAST(:bounds AS int[])) AS wanted_row (key_index, parent_id, open_filter, bound))',
      'wanted',
    )
    .innerJoin(entity, 'link', `link.${idProperty} = wanted.parent_id`)
    .innerJoin(IncidentEntity, 'candidate', 'candidate.id = link.incidentId')
    .where('candidate.archivedAt IS NULL')
    .andWhere('(wanted.open_filter IS NULL OR (candidate.status <> :resolved) = wanted.open_filter)', { resolved: IncidentStatus.RESOLVED });
  return whereVisibleTo(ranked, principal, 'candidate');
}

/** Keeps incidents that affect `id` (any id that is not a UUID affects nothing). */
function whereAffects(query: SelectQueryBuilder<IncidentEntity>, target: AffectedTarget, id: string): void {
  if (!isUuid(id)) {
    query.andWhere('FALSE');
    return;
  }
  const { entity, idProperty } = AFFECTED_TARGETS[target];
  const alias = `${target}_filter`;
  const affects = query
    .subQuery()
    .select('1')
    .from(entity, alias)
    .where(`${alias}.incidentId = incident.id`)
    .andWhere(`${alias}.${idProperty} = :${alias}_id`)
    .getQuery();
  query.andWhere(`EXISTS ${affects}`, { [`${alias}_id`]: id });
}

async function insertLinks(manager: EntityManager, target: AffectedTarget, incidentId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { entity, idProperty } = AFFECTED_TARGETS[target];
  await manager.insert(entity, ids.map((linked) => ({ incidentId, [idProperty]: linked })));
}

async function deleteLinks(manager: EntityManager, target: AffectedTarget, incidentId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { entity, idColumn } = AFFECTED_TARGETS[target];
  await manager
    .createQueryBuilder()
    .delete()
    .from(entity)
    .where('incident_id = :incidentId', { incidentId })
    .andWhere(`${idColumn} IN (:...ids)`, { ids })
    .execute();
}
