import { groupByKeys } from '@junction/federation';
import { In, type DataSource } from 'typeorm';
import { AFFECTED_TARGETS, type AffectedTarget } from './affected-targets';

/** Reads which chains, bridges and partners incidents affect. */
export class AffectedTargetRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The ids of the `target`s each incident affects, one list per id in `incidentIds` (sorted). One query. */
  async findTargetIds(target: AffectedTarget, incidentIds: readonly string[]): Promise<string[][]> {
    const { entity, idProperty } = AFFECTED_TARGETS[target];
    const rows = await this.dataSource.getRepository(entity).find({ where: { incidentId: In([...incidentIds]) }, order: { [idProperty]: 'ASC' } });
    return groupByKeys(rows, (row) => row.incidentId as string, incidentIds).map((group) => group.map((row) => row[idProperty] as string));
  }
}
