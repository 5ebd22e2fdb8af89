import { DEFAULT_SCOPES, signPrincipal, type Principal } from '@junction/federation';
import { postGraphql } from './post-graphql';

/** The admin a benchmark creates its keys as, signed with the stack's principal secret. */
const ADMIN: Principal = { role: 'ADMIN', scopes: DEFAULT_SCOPES.ADMIN };

/** Creates an API key at the partners subgraph (`partnersUrl`) as an admin would; returns its secret. */
export async function createBenchKey(partnersUrl: string, secret: string, input: { name: string; role: 'PARTNER' | 'OPERATOR'; partnerId?: string }): Promise<string> {
  const created = await postGraphql(partnersUrl, `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, { input }, signPrincipal(ADMIN, { secret }));
  return created.createApiKey.secret as string;
}
