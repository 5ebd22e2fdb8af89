import { VariesByCaller } from '@junction/federation';
import { Field, Int, ObjectType } from 'type-graphql';

/** A contract to pause when rolling back. */
@VariesByCaller()
@ObjectType({ description: 'A contract to pause when rolling back.' })
export class RolloutPausableContract {
  @Field({ description: 'What the contract is, e.g. "L1StandardBridge proxy".' })
  label!: string;

  @Field({ description: 'EIP-55 checksummed address.' })
  address!: string;
}

/** A signer of the rollback multisig. */
@VariesByCaller()
@ObjectType({ description: 'A signer of the rollback multisig.' })
export class RolloutMultisigSigner {
  @Field({ description: 'Who holds the key, e.g. "Security lead (partner)".' })
  name!: string;

  @Field({ description: 'EIP-55 checksummed address.' })
  address!: string;
}

/** The multisig that signs pauses and rollbacks. */
@VariesByCaller()
@ObjectType({ description: 'The multisig that signs pauses and rollbacks.' })
export class RolloutRollbackMultisig {
  @Field({ description: 'EIP-55 checksummed address of the multisig (e.g. a Safe).' })
  address!: string;

  @Field(() => Int, { description: 'Signatures needed.' })
  threshold!: number;

  @Field(() => [RolloutMultisigSigner])
  signers!: RolloutMultisigSigner[];
}

/** How to undo a phase. Private. */
@VariesByCaller()
@ObjectType({
  description:
    'How to undo a phase: pause the contracts, who signs, how to recover state, and who tells whom. Private to the ' +
    'partner and to operators.',
})
export class RolloutRollbackProcedure {
  @Field({ description: 'Who pauses what, and how.' })
  pauseProcedure!: string;

  @Field(() => [RolloutPausableContract])
  pausableContracts!: RolloutPausableContract[];

  @Field(() => RolloutRollbackMultisig, { nullable: true, description: 'Null when no multisig is involved.' })
  multisig!: RolloutRollbackMultisig | null;

  @Field(() => [String], { description: 'State-recovery scripts to run, in order (repository paths or URLs).' })
  stateRecoveryScripts!: string[];

  @Field({ description: 'Who is told what, through which channels, and when.' })
  communicationPlan!: string;
}
