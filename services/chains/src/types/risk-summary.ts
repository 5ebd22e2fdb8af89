import { Field, ObjectType } from 'type-graphql';
import { RiskLevel } from './enums';

/** One aspect of a chain's risk, with the reason. */
@ObjectType({ description: "One aspect of a chain's risk, with the reason." })
export class RiskAssessment {
  @Field(() => RiskLevel)
  level!: RiskLevel;

  @Field({ description: 'Why the level is what it is.' })
  note!: string;
}

/** The L2BEAT-style risk rosette of a chain. */
@ObjectType({ description: 'The L2BEAT-style risk rosette of a chain.' })
export class RiskSummary {
  @Field(() => RiskAssessment, { description: 'Can invalid state be finalized? (fraud/validity proofs)' })
  stateValidation!: RiskAssessment;

  @Field(() => RiskAssessment, { description: 'Is the data needed to rebuild state available?' })
  dataAvailability!: RiskAssessment;

  @Field(() => RiskAssessment, { description: 'Can users exit before an unwanted upgrade takes effect?' })
  exitWindow!: RiskAssessment;

  @Field(() => RiskAssessment, { description: 'What happens to users if the sequencer stops or censors.' })
  sequencerFailure!: RiskAssessment;

  @Field(() => RiskAssessment, { description: 'What happens if the proposer stops publishing state roots.' })
  proposerFailure!: RiskAssessment;
}
