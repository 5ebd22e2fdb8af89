import { VariesByCaller } from '@junction/federation';
import { Field, ObjectType } from 'type-graphql';
import { WebhookEndpoint } from './webhook-endpoint';

/** An endpoint with its signing secret, returned once by `createWebhookEndpoint` and `rotateWebhookSecret`. */
@VariesByCaller()
@ObjectType({ description: 'A webhook endpoint with its signing secret, shown this once: store it now, it cannot be read again.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({
    description:
      'The HMAC-SHA256 key of the Junction-Signature header: `v1` is the hex HMAC of "<t>.<raw body>" with this whole string as key.',
  })
  signingSecret!: string;
}
