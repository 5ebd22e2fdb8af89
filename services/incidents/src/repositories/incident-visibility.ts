import type { Principal } from '@junction/federation';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { IncidentPartnerEntity } from '../entities/incident-partner.entity';
import { IncidentVisibility } from '../types/enums';
import { seesEverything, viewerPartnerId } from './incident-viewer';

/**
 * Restricts `query` (whose incident alias is `alias`) to the incidents `principal` may see: PUBLIC ones for
 * everyone; PARTNERS ones for operators and for a partner among the incident's affected partners; INTERNAL ones
 * for operators only. Applied in SQL, so hidden incidents never count toward a page or a per-parent bound.
 */
export function whereVisibleTo<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, alias: string): SelectQueryBuilder<T> {
  if (seesEverything(principal)) return query;
  const partnerId = viewerPartnerId(principal);
  if (partnerId === null) return query.andWhere(`${alias}.visibility = :publicVisibility`, { publicVisibility: IncidentVisibility.PUBLIC });
  const affectsViewer = query
    .subQuery()
    .select('1')
    .from(IncidentPartnerEntity, 'viewer_link')
    .where(`viewer_link.incidentId = ${alias}.id`)
    .andWhere('viewer_link.partnerId = :viewerPartnerId')
    .getQuery();
  return query.andWhere(
    new Brackets((visible) =>
      visible
        .where(`${alias}.visibility = :publicVisibility`)
        .orWhere(`(${alias}.visibility = :partnersVisibility AND EXISTS ${affectsViewer})`),
    ),
    { publicVisibility: IncidentVisibility.PUBLIC, partnersVisibility: IncidentVisibility.PARTNERS, viewerPartnerId: partnerId },
  );
}
