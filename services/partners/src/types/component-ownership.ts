import { Connection } from '@junction/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OwnedComponent } from './enums';

/** One cell of the ownership matrix. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'One cell of the ownership matrix: the partner that owns one component of one chain or bridge, and its backup. ' +
    'A component of a chain or bridge has one owner.',
})
export class ComponentOwnership {
  @Field(() => ID)
  id!: string;

  @Field(() => OwnedComponent, { description: 'Which component of the chain or bridge.' })
  component!: OwnedComponent;

  @Field(() => String, { nullable: true, description: 'Scope, hand-over details, runbook links.' })
  notes!: string | null;

  @Field({ description: 'When the component was first assigned.' })
  createdAt!: Date;

  @Field({ description: 'When the owner, backup or notes last changed.' })
  updatedAt!: Date;

  /** Resolved by field resolvers. */
  chainId!: string | null;
  bridgeId!: string | null;
  ownerPartnerId!: string;
  backupPartnerId!: string | null;
}

/** A page of the ownership matrix. */
@ObjectType({ description: 'A page of the ownership matrix.' })
export class ComponentOwnershipConnection extends Connection(ComponentOwnership) {}
