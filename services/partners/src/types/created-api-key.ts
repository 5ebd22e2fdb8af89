import { VariesByCaller } from '@junction/federation';
import { Field, ObjectType } from 'type-graphql';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import { ApiKey } from './api-key';

/** A new API key and, this once, the key itself. */
@VariesByCaller()
@ObjectType({ description: 'A new API key and, this once, the key itself.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKeyEntity;

  @Field({
    description:
      'The key to give its holder, e.g. `jct_0k3m9q2v_…`. Shown only here: it is stored as a hash and cannot be ' +
      'recovered; a lost key is revoked and replaced.',
  })
  secret!: string;
}
