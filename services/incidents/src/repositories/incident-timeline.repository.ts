import { uniqueViolation } from '@junction/db';
import { BadUserInputError, ConflictError } from '@junction/errors';
import { groupByKeys, type Principal } from '@junction/federation';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { IncidentUpdateEntity } from '../entities/incident-update.entity';
import type { IncidentEntity } from '../entities/incident.entity';
import type { IncidentEventLog, RecordIncidentEvent } from '../events/incident-event-log';
import { applyStatus, transitionProblem } from '../incident-lifecycle';
import { IncidentStatus } from '../types/enums';
import type { PostIncidentUpdateInput } from '../types/incident-inputs';
import { describeDedupClash, findDedupClash } from './dedup-clash';
import { lockVisibleIncident } from './lock-visible-incident';
import { appendTimelineEntry } from './timeline-entry';

/** A timeline entry's text and author. */
export interface TimelineMessage {
  /** The entry's text. */
  message: string;
  /** Who wrote it. */
  authorName: string;
}

/** Reads incidents' timelines and moves incidents through their lifecycle, one timeline entry per change. */
export class IncidentTimelineRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: IncidentEventLog,
  ) {}

  /** Each incident's timeline, oldest entry first, one list per id in `incidentIds`. One query. */
  async findByIncidentIds(incidentIds: readonly string[]): Promise<IncidentUpdateEntity[][]> {
    const rows = await this.dataSource
      .getRepository(IncidentUpdateEntity)
      .find({ where: { incidentId: In([...incidentIds]) }, order: { incidentId: 'ASC', sequence: 'ASC' } });
    return groupByKeys(rows, (row) => row.incidentId, incidentIds);
  }

  /** Adds a timeline entry, moving the incident forward when `input.status` differs from its status. */
  post(incidentId: string, input: PostIncidentUpdateInput, principal: Principal): Promise<IncidentEntity> {
    return this.events.write(this.dataSource, async (manager, record) => {
      const incident = await lockVisibleIncident(manager, incidentId, principal);
      const status = input.status ?? incident.status;
      const problem = transitionProblem(incident.status, status);
      if (problem) throw new BadUserInputError([{ field: 'input.status', message: problem }]);
      return this.record(manager, record, incident, status, input);
    });
  }

  /** Resolves an open incident with a closing message. */
  resolve(id: string, message: TimelineMessage, principal: Principal): Promise<IncidentEntity> {
    return this.events.write(this.dataSource, async (manager, record) => {
      const incident = await lockVisibleIncident(manager, id, principal);
      if (incident.status === IncidentStatus.RESOLVED) {
        throw new ConflictError(`Incident "${id}" is already RESOLVED; reopen it with reopenIncident before changing its status.`);
      }
      return this.record(manager, record, incident, IncidentStatus.RESOLVED, message);
    });
  }

  /**
   * Moves a RESOLVED incident back to INVESTIGATING, recording why. Refused while another open incident holds
   * its dedup key (that one is where new updates belong).
   */
  async reopen(id: string, { reason, authorName }: { reason: string; authorName: string }, principal: Principal): Promise<IncidentEntity> {
    try {
      return await this.events.write(this.dataSource, async (manager, record) => {
        const incident = await lockVisibleIncident(manager, id, principal);
        if (incident.status !== IncidentStatus.RESOLVED) {
          throw new ConflictError(`Only a RESOLVED incident can be reopened; incident "${id}" is ${incident.status}.`);
        }
        if (incident.dedupKey) {
          const clash = await findDedupClash(manager, { dedupKey: incident.dedupKey, principal, exceptId: id });
          if (clash) throw new ConflictError(`Incident "${id}" cannot be reopened: ${describeDedupClash(incident.dedupKey, clash)}.`);
        }
        return this.record(manager, record, incident, IncidentStatus.INVESTIGATING, { message: reason, authorName });
      });
    } catch (error) {
      if (uniqueViolation(error) === 'incident_open_dedup_key') {
        throw new ConflictError(`Incident "${id}" cannot be reopened: another open incident has just taken its dedup key.`, {
          constraint: 'incident_open_dedup_key',
        });
      }
      throw error;
    }
  }

  /** Writes the entry and the status it sets, and records the event: RESOLVED, REOPENED or UPDATE_POSTED. */
  private async record(
    manager: EntityManager,
    recordEvent: RecordIncidentEvent,
    incident: IncidentEntity,
    status: IncidentStatus,
    { message, authorName }: TimelineMessage,
  ): Promise<IncidentEntity> {
    const now = new Date();
    const previousStatus = incident.status;
    if (status !== previousStatus) applyStatus(incident, status, now);
    incident.updatedAt = now;
    const saved = await manager.save(incident);
    await appendTimelineEntry(manager, { incidentId: incident.id, status, previousStatus, message, authorName, at: now });
    const reopened = previousStatus === IncidentStatus.RESOLVED && status !== IncidentStatus.RESOLVED;
    const resolved = previousStatus !== IncidentStatus.RESOLVED && status === IncidentStatus.RESOLVED;
    await recordEvent(saved, reopened ? 'REOPENED' : resolved ? 'RESOLVED' : 'UPDATE_POSTED');
    return saved;
  }
}
