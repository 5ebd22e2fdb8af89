import { Field, ID, InputType } from 'type-graphql';
import { ApiKeyRole } from './enums';

/**
 * A new API key. Checked as a whole by `apiKeyProblems` after the caller is authorized (so a caller who may not
 * create keys learns nothing about the rules), and by the create-key command alike.
 */
@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field(() => ID, { nullable: true, description: 'The partner a PARTNER key acts for; omit it for OPERATOR and ADMIN keys.' })
  partnerId?: string | null;

  @Field({ description: 'Who holds the key or what uses it, 1 to 80 characters, e.g. "on-call laptop".' })
  name!: string;

  @Field(() => ApiKeyRole)
  role!: ApiKeyRole;

  @Field(() => [String], {
    nullable: true,
    description:
      'What the key may do: metrics:read, incidents:write, catalogue:write, keys:manage (the last two not for PARTNER ' +
      "keys); a key can only give scopes it holds. Omit it for the role's defaults, narrowed to the creating key's scopes.",
  })
  scopes?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working (in the future); omit it for never.' })
  expiresAt?: Date | null;
}
