import { VariesByCaller } from '@junction/federation';
import { Field, ID, ObjectType } from 'type-graphql';

/** A partner's webhook endpoint. Its signing secret is never part of it: it is shown once, on creation and rotation. */
@VariesByCaller()
@ObjectType({
  description:
    'Where the incident events a partner may see are POSTed, signed with HMAC-SHA256 (Junction-Signature) and retried with ' +
    'backoff until the endpoint answers 2xx. Private: visible to that partner and to operators only.',
})
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  /** Resolved by a field resolver from `partnerId`. */
  partnerId!: string;

  @Field({ description: 'Where deliveries are POSTed: https, or http for a loopback host.' })
  url!: string;

  @Field(() => String, { nullable: true, description: "What the endpoint is for, in the partner's words." })
  description!: string | null;

  /** Resolved by a field resolver: null in the row means every kind. */
  eventKinds!: string[] | null;

  @Field({ description: 'Whether events are delivered. A disabled endpoint gets no new deliveries; its pending ones wait until it is enabled again.' })
  enabled!: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      'Until when deliveries are also signed with the signing secret the last rotation replaced (a second v1 in ' +
      'Junction-Signature); a past time once that window has ended, null when no rotation kept one.',
  })
  previousSecretExpiresAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
