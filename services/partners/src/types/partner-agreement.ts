import { VariesByCaller } from '@junction/federation';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** How fast the partner responds to an incident, by severity. */
@ObjectType({ description: 'How fast the partner responds to an incident, in minutes, by severity (SEV1 is the most severe).' })
export class AgreementResponseMinutes {
  @Field(() => Int, { description: 'Critical: the chain or bridge is down or funds are at risk.' })
  sev1!: number;

  @Field(() => Int, { description: 'Major: a core function is degraded for many users.' })
  sev2!: number;

  @Field(() => Int, { description: 'Minor: partial degradation with a workaround.' })
  sev3!: number;

  @Field(() => Int, { description: 'Low: cosmetic or informational.' })
  sev4!: number;
}

/** What a partner committed to for one chain or one bridge. Private. */
@VariesByCaller()
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'What a partner committed to for one chain or one bridge: confirmations, uptime, finality and response times. ' +
    'Private to the partner and to operators.',
})
export class PartnerAgreement {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Block confirmations the partner waits for before acting on a deposit or message.' })
  confirmationsRequired!: number;

  @Field(() => Float, { description: 'Committed uptime, in percent (e.g. 99.9).' })
  uptimeSlaPercent!: number;

  @Field(() => Int, { description: 'Longest time to finality the partner commits to, in seconds.' })
  maxFinalitySeconds!: number;

  @Field(() => GraphQLLocalDate, { description: 'First day the agreement is in force.' })
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The day the agreement stops being in force (it is in force until the day before); null when open-ended.',
  })
  effectiveUntil!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the agreement was terminated; null unless TERMINATED.' })
  terminatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the agreement was terminated.' })
  terminationReason!: string | null;

  @Field({ description: 'When the agreement was recorded.' })
  createdAt!: Date;

  @Field({ description: 'When the agreement last changed.' })
  updatedAt!: Date;

  /** Resolved by field resolvers. */
  partnerId!: string;
  chainId!: string | null;
  bridgeId!: string | null;
  responseMinutesSev1!: number;
  responseMinutesSev2!: number;
  responseMinutesSev3!: number;
  responseMinutesSev4!: number;
}
