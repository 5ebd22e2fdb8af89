import { RequiresAccess } from '@junction/federation';
import { BadUserInputError, NotFoundError } from '@junction/errors';
import type { EntityDirectory } from '@junction/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { PartnerAgreementEntity } from '../entities/partner-agreement.entity';
import type { PartnerEntity } from '../entities/partner.entity';
import type { PartnerAgreementRepository } from '../repositories/partner-agreement.repository';
import { effectiveStatus, initialStatusProblems, periodProblems, responseMinutesProblems } from '../rules/agreement-terms';
import { assertPartnerPrivateAccess } from '../rules/partner-private-access';
import { explicitNullProblems } from '../rules/required-fields';
import { subjectProblems, subjectReferenceProblems } from '../rules/subject';
import { BridgeReference } from '../types/bridge-reference';
import { ChainReference } from '../types/chain-reference';
import { PartnerAgreementStatus } from '../types/enums';
import { Partner } from '../types/partner';
import { AgreementResponseMinutes, PartnerAgreement } from '../types/partner-agreement';
import { CreatePartnerAgreementInput, TerminatePartnerAgreementInput, UpdatePartnerAgreementInput } from '../types/partner-agreement-inputs';

const MANAGE = "manage a partner's agreements";

/** Partners' agreements: private, so only operators and the partner itself manage them. */
@Resolver(() => PartnerAgreement)
export class PartnerAgreementResolver {
  constructor(
    private readonly agreements: PartnerAgreementRepository,
    private readonly directory: EntityDirectory,
  ) {}

  @RequiresAccess()
  @Mutation(() => PartnerAgreement, {
    description: 'Records an agreement with a partner for one chain or one bridge. Operators and the partner itself only.',
  })
  async createPartnerAgreement(
    @Ctx() { principal }: PartnersContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('input', () => CreatePartnerAgreementInput) input: CreatePartnerAgreementInput,
  ): Promise<PartnerAgreementEntity> {
    assertPartnerPrivateAccess(principal, partnerId, MANAGE);
    const problems = [
      ...subjectProblems(input, 'an agreement covers exactly one chain or one bridge'),
      ...responseMinutesProblems(input.responseMinutes),
      ...periodProblems(input.effectiveFrom, input.effectiveUntil),
      ...initialStatusProblems(input.status),
    ];
    if (problems.length === 0) problems.push(...(await subjectReferenceProblems(this.directory, input)));
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.agreements.create(partnerId, input);
  }

  @RequiresAccess()
  @Mutation(() => PartnerAgreement, {
    description: "Changes an agreement's terms, or activates a draft. Terminated agreements cannot change. Operators and the partner itself only.",
  })
  updatePartnerAgreement(
    @Ctx() { principal }: PartnersContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePartnerAgreementInput) input: UpdatePartnerAgreementInput,
  ): Promise<PartnerAgreementEntity> {
    const problems = explicitNullProblems(input, ['confirmationsRequired', 'uptimeSlaPercent', 'maxFinalitySeconds', 'responseMinutes', 'effectiveFrom', 'status']);
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.agreements.update(id, input, (partnerId) => assertPartnerPrivateAccess(principal, partnerId, MANAGE));
  }

  @RequiresAccess()
  @Mutation(() => PartnerAgreement, { description: 'Ends an agreement early, recording why. Operators and the partner itself only.' })
  terminatePartnerAgreement(
    @Ctx() { principal }: PartnersContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TerminatePartnerAgreementInput) input: TerminatePartnerAgreementInput,
  ): Promise<PartnerAgreementEntity> {
    return this.agreements.terminate(id, input.reason, (partnerId) => assertPartnerPrivateAccess(principal, partnerId, MANAGE));
  }

  @FieldResolver(() => Partner)
  async partner(@Root() agreement: PartnerAgreementEntity, @Ctx() { loaders }: PartnersContext): Promise<PartnerEntity> {
    const partner = await loaders.partnerById.load(agreement.partnerId);
    if (!partner) throw new NotFoundError('partner', agreement.partnerId);
    return partner;
  }

  @FieldResolver(() => ChainReference, { nullable: true, description: 'The chain covered; null when the agreement covers a bridge.' })
  chain(@Root() agreement: PartnerAgreementEntity): ChainReference | null {
    return agreement.chainId ? { id: agreement.chainId } : null;
  }

  @FieldResolver(() => BridgeReference, { nullable: true, description: 'The bridge covered; null when the agreement covers a chain.' })
  bridge(@Root() agreement: PartnerAgreementEntity): BridgeReference | null {
    return agreement.bridgeId ? { id: agreement.bridgeId } : null;
  }

  @FieldResolver(() => AgreementResponseMinutes)
  responseMinutes(@Root() agreement: PartnerAgreementEntity): AgreementResponseMinutes {
    return {
      sev1: agreement.responseMinutesSev1,
      sev2: agreement.responseMinutesSev2,
      sev3: agreement.responseMinutesSev3,
      sev4: agreement.responseMinutesSev4,
    };
  }

  @FieldResolver(() => PartnerAgreementStatus, { description: 'EXPIRED once an ACTIVE agreement reaches its effectiveUntil date.' })
  status(@Root() agreement: PartnerAgreementEntity): PartnerAgreementStatus {
    return effectiveStatus(agreement.status, agreement.effectiveUntil);
  }
}
