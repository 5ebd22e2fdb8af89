import { isUuid, uniqueViolation } from '@junction/db';
import { BadUserInputError, ConflictError } from '@junction/errors';
import { groupByKeys, type Principal } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { IncidentAcknowledgementEntity } from '../entities/incident-acknowledgement.entity';
import { IncidentPartnerEntity } from '../entities/incident-partner.entity';
import type { IncidentEntity } from '../entities/incident.entity';
import type { IncidentEventLog } from '../events/incident-event-log';
import { IncidentStatus } from '../types/enums';
import type { AcknowledgeIncidentArgs } from '../types/incident-args';
import { lockVisibleIncident } from './lock-visible-incident';

/** Reads and writes affected partners' acknowledgements of incidents. */
export class IncidentAcknowledgementRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: IncidentEventLog,
  ) {}

  /** Each incident's acknowledgements, oldest first, one list per id in `incidentIds`. One query. */
  async findByIncidentIds(incidentIds: readonly string[]): Promise<IncidentAcknowledgementEntity[][]> {
    const rows = await this.dataSource
      .getRepository(IncidentAcknowledgementEntity)
      .find({ where: { incidentId: In([...incidentIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return groupByKeys(rows, (row) => row.incidentId, incidentIds);
  }

  /** Records that an affected partner has seen an open incident; once per partner. Returns the incident. */
  async acknowledge({ incidentId, partnerId, acknowledgedBy, note }: AcknowledgeIncidentArgs, principal: Principal): Promise<IncidentEntity> {
    try {
      return await this.events.write(this.dataSource, async (manager, record) => {
        const incident = await lockVisibleIncident(manager, incidentId, principal);
        if (incident.status === IncidentStatus.RESOLVED) {
          throw new ConflictError(`Incident "${incidentId}" is RESOLVED; only open incidents can be acknowledged.`);
        }
        const affected = isUuid(partnerId) && (await manager.existsBy(IncidentPartnerEntity, { incidentId, partnerId }));
        if (!affected) {
          throw new BadUserInputError([{ field: 'partnerId', message: 'is not among the partners this incident affects; only an affected partner can acknowledge it' }]);
        }
        const earlier = await manager.findOneBy(IncidentAcknowledgementEntity, { incidentId, partnerId });
        if (earlier) {
          throw new BadUserInputError([
            { field: 'partnerId', message: `has already acknowledged this incident (${earlier.acknowledgedBy}, ${earlier.createdAt.toISOString()})` },
          ]);
        }
        const now = new Date();
        await manager.insert(IncidentAcknowledgementEntity, {
          id: randomUUID(),
          incidentId,
          partnerId,
          acknowledgedBy: acknowledgedBy.trim(),
          note: note?.trim() || null,
          createdAt: now,
        });
        incident.updatedAt = now;
        const saved = await manager.save(incident);
        await record(saved, 'ACKNOWLEDGED');
        return saved;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'incident_acknowledgement_partner_key') {
        throw new BadUserInputError([{ field: 'partnerId', message: 'has already acknowledged this incident' }], { cause: error });
      }
      throw error;
    }
  }
}
