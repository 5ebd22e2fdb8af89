import { VariesByCaller } from '@junction/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ApiKeyRole } from './enums';

/** Who an API key makes its holder: what the gateway signs into the principal header. Gateway-only. */
@VariesByCaller()
@Directive('@inaccessible')
@ObjectType({ description: 'Who an API key makes its holder. For the gateway only: not part of the public API.' })
export class ApiKeyPrincipal {
  @Field(() => ID, { description: 'The key, for logs and rate limits.' })
  keyId!: string;

  @Field(() => ApiKeyRole)
  role!: ApiKeyRole;

  @Field(() => ID, { nullable: true, description: 'The partner a PARTNER key acts for; null for OPERATOR and ADMIN keys.' })
  partnerId!: string | null;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => Date, { nullable: true, description: 'When the key stops working, so a cached resolution never outlives it.' })
  expiresAt!: Date | null;
}
