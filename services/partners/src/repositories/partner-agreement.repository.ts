import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, ConflictError, NotFoundError } from '@junction/errors';
import { groupByKeys } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { PartnerAgreementEntity } from '../entities/partner-agreement.entity';
import { periodProblems, responseMinutesProblems, statusChangeProblems } from '../rules/agreement-terms';
import { PartnerAgreementStatus } from '../types/enums';
import type { CreatePartnerAgreementInput, UpdatePartnerAgreementInput } from '../types/partner-agreement-inputs';
import { lockActivePartner } from './active-partners';
import type { AuthorizePartner } from './authorize-partner';

/** Reads and writes partner agreements. The only code that touches the partner_agreement table. */
export class PartnerAgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Agreements by id, in the order of `ids`, null where unknown. One query. */
  async findByIds(ids: readonly string[]): Promise<Array<PartnerAgreementEntity | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(PartnerAgreementEntity).findBy({ id: In(valid) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Each partner's agreements, newest first. One query. */
  async findByPartnerIds(partnerIds: readonly string[]): Promise<PartnerAgreementEntity[][]> {
    const valid = partnerIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.dataSource
            .getRepository(PartnerAgreementEntity)
            .find({ where: { partnerId: In(valid) }, order: { effectiveFrom: 'DESC', createdAt: 'DESC', id: 'ASC' } });
    return groupByKeys(rows, (row) => row.partnerId, partnerIds);
  }

  /**
   * Records an agreement with an active partner. The input's own rules (one subject, response order, period,
   * initial status) and the subject's existence are checked by the caller before this runs.
   */
  create(partnerId: string, input: CreatePartnerAgreementInput): Promise<PartnerAgreementEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      await lockActivePartner(manager, partnerId);
      const agreement = manager.create(PartnerAgreementEntity, {
        id: randomUUID(),
        partnerId,
        chainId: input.chainId ?? null,
        bridgeId: input.bridgeId ?? null,
        confirmationsRequired: input.confirmationsRequired,
        uptimeSlaPercent: input.uptimeSlaPercent,
        maxFinalitySeconds: input.maxFinalitySeconds,
        responseMinutesSev1: input.responseMinutes.sev1,
        responseMinutesSev2: input.responseMinutes.sev2,
        responseMinutesSev3: input.responseMinutes.sev3,
        responseMinutesSev4: input.responseMinutes.sev4,
        effectiveFrom: input.effectiveFrom,
        effectiveUntil: input.effectiveUntil ?? null,
        status: input.status,
        terminatedAt: null,
        terminationReason: null,
      });
      return manager.save(agreement);
    });
  }

  /** Changes the terms or status of an agreement that is not terminated; the result must still hold together. */
  update(id: string, input: UpdatePartnerAgreementInput, authorize: AuthorizePartner): Promise<PartnerAgreementEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const agreement = await this.lockChangeable(manager, id, authorize);
      const problems = input.status === undefined ? [] : statusChangeProblems(agreement.status, input.status);
      for (const key of ['confirmationsRequired', 'uptimeSlaPercent', 'maxFinalitySeconds', 'effectiveFrom', 'effectiveUntil', 'status'] as const) {
        if (input[key] !== undefined) Object.assign(agreement, { [key]: input[key] });
      }
      if (input.responseMinutes) {
        agreement.responseMinutesSev1 = input.responseMinutes.sev1;
        agreement.responseMinutesSev2 = input.responseMinutes.sev2;
        agreement.responseMinutesSev3 = input.responseMinutes.sev3;
        agreement.responseMinutesSev4 = input.responseMinutes.sev4;
        problems.push(...responseMinutesProblems(input.responseMinutes));
      }
      problems.push(...periodProblems(agreement.effectiveFrom, agreement.effectiveUntil));
      if (problems.length > 0) throw new BadUserInputError(problems);
      return manager.save(agreement);
    });
  }

  /** Ends an agreement early, recording why. */
  terminate(id: string, reason: string, authorize: AuthorizePartner): Promise<PartnerAgreementEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const agreement = await this.lockChangeable(manager, id, authorize);
      agreement.status = PartnerAgreementStatus.TERMINATED;
      agreement.terminatedAt = new Date();
      agreement.terminationReason = reason;
      return manager.save(agreement);
    });
  }

  private async lockChangeable(manager: EntityManager, id: string, authorize: AuthorizePartner): Promise<PartnerAgreementEntity> {
    const agreement = isUuid(id)
      ? await manager.getRepository(PartnerAgreementEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!agreement) throw new NotFoundError('partner agreement', id);
    authorize(agreement.partnerId);
    if (agreement.status === PartnerAgreementStatus.TERMINATED) {
      throw new ConflictError(
        `Partner agreement "${id}" was terminated on ${agreement.terminatedAt?.toISOString().slice(0, 10)} and can no longer change; create a new agreement instead.`,
        { agreementId: id },
      );
    }
    return agreement;
  }
}
