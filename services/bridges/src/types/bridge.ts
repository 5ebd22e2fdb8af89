import { Connection } from '@junction/federation';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { BridgeKind, BridgeLifecycle, BridgeSecurityModel } from './enums';

/** A bridge between chains. */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A bridge between chains: a rollup's canonical bridge or a third-party bridge or messaging network." })
export class Bridge {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable, URL-safe name, e.g. `arbitrum-bridge`.' })
  slug!: string;

  @Field()
  name!: string;

  @Field(() => BridgeKind)
  kind!: BridgeKind;

  @Field({ description: 'The protocol or project behind the bridge, e.g. `Wormhole`.' })
  provider!: string;

  @Field(() => BridgeSecurityModel, { description: 'Who or what the bridge trusts to accept a message.' })
  securityModel!: BridgeSecurityModel;

  @Field({ description: 'Who validates messages, in words, e.g. "19 Wormhole Guardians, 13 of 19 signatures".' })
  validatedBy!: string;

  @Field({ description: 'True when the bridge carries arbitrary messages (contract calls), not only token transfers.' })
  arbitraryMessaging!: boolean;

  @Field({ description: "True when users must hold the protocol's own token to use the bridge (for example to pay its fees)." })
  nativeTokenRequired!: boolean;

  @Field(() => Int, { description: 'How many chains the bridge supports, as published (50 for "50+").' })
  supportedChainsCount!: number;

  /** Resolved to a `Partner` stub by a field resolver. */
  operatorPartnerId!: string | null;

  @Field(() => String, { nullable: true })
  websiteUrl!: string | null;

  @Field(() => String, { nullable: true })
  docsUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Caveats about the recorded figures and where they come from.' })
  notes!: string | null;

  @Field(() => BridgeLifecycle)
  status!: BridgeLifecycle;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Last change to the bridge, its contracts or its routes.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the bridge was archived; archived bridges leave lists.' })
  archivedAt!: Date | null;
}

/** A page of bridges. */
@ObjectType({ description: 'A page of bridges.' })
export class BridgeConnection extends Connection(Bridge) {}
