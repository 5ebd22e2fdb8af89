import { ArrayMinSize, ArrayUnique, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IncidentEventKind } from './enums';
import { IsText } from './is-text';
import { IsWebhookUrl } from './webhook-url';

const KINDS_DESCRIPTION = 'The event kinds to deliver, at least one; omitted (or null) for every kind, including kinds added later.';
const AT_LEAST_ONE_KIND = { message: 'eventKinds must list at least one kind; leave it out to receive every kind' };
const NO_KIND_TWICE = { message: 'eventKinds must not list the same kind twice' };

/** A new webhook endpoint. */
@InputType({ description: 'A new webhook endpoint of a partner.' })
export class CreateWebhookEndpointInput {
  @Field({ description: 'Where deliveries are POSTed: an absolute https URL (http only for localhost, 127.0.0.1 or [::1]).' })
  @IsWebhookUrl()
  url!: string;

  @Field(() => String, { nullable: true, description: 'What the endpoint is for, up to 500 characters.' })
  @IsOptional()
  @IsText(500)
  description?: string | null;

  @Field(() => [IncidentEventKind], { nullable: true, description: KINDS_DESCRIPTION })
  @IsOptional()
  @ArrayMinSize(1, AT_LEAST_ONE_KIND)
  @ArrayUnique(NO_KIND_TWICE)
  eventKinds?: IncidentEventKind[] | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Whether events are delivered from now on.' })
  enabled: boolean = true;
}

/** A change to a webhook endpoint; omitted fields keep their value. */
@InputType({ description: 'A change to a webhook endpoint; omitted fields keep their value.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true, description: 'A new URL: https, or http for a loopback host. Cannot be null.' })
  @IsOptional()
  @IsWebhookUrl()
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'A new description; null clears it.' })
  @IsOptional()
  @IsText(500)
  description?: string | null;

  @Field(() => [IncidentEventKind], { nullable: true, description: `${KINDS_DESCRIPTION} Null subscribes to every kind again.` })
  @IsOptional()
  @ArrayMinSize(1, AT_LEAST_ONE_KIND)
  @ArrayUnique(NO_KIND_TWICE)
  eventKinds?: IncidentEventKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Disable to pause deliveries (pending ones wait); enable to resume. Cannot be null.' })
  enabled?: boolean | null;
}
