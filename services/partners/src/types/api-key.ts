import { Connection, VariesByCaller } from '@junction/federation';
import { Field, ID, ObjectType } from 'type-graphql';
import { ApiKeyRole } from './enums';

/** An API key as operators and its partner see it: never its hash, never the key itself. */
@VariesByCaller()
@ObjectType({
  description:
    'An API key, named by its public prefix. The key itself is shown once, by createApiKey; only its hash is stored, ' +
    'and neither is ever returned here.',
})
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Who holds the key or what uses it, e.g. "on-call laptop".' })
  name!: string;

  @Field({ description: 'The 8 characters after `jct_` at the start of the key: enough to recognise it, useless to use it.' })
  prefix!: string;

  @Field(() => ApiKeyRole, { description: 'The role the key gives its holder.' })
  role!: ApiKeyRole;

  @Field(() => [String], { description: 'What the key may do beyond reading public data, e.g. `incidents:write`.' })
  scopes!: string[];

  @Field({ description: 'When the key was created.' })
  createdAt!: Date;

  @Field({ description: 'The id of the key that created it; `cli` for the create-key command, `service` for a keyless caller.' })
  createdBy!: string;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; null for never.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was last used, to the minute; null if never.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it is not.' })
  revokedAt!: Date | null;

  /** Resolved by a field resolver. */
  partnerId!: string | null;
}

/** A page of API keys. */
@VariesByCaller()
@ObjectType({ description: 'A page of API keys.' })
export class ApiKeyConnection extends Connection(ApiKey, { variesByCaller: true }) {}
