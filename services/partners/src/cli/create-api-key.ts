import { openStore, type Store } from '@junction/db';
import { BadUserInputError, BaseError } from '@junction/errors';
import { loadCreateKeyConfig } from '../config';
import { CREATE_KEY_USAGE, parseCreateKeyArguments, UsageError, type CreateKeyArguments } from './create-key-arguments';
import { issueApiKey } from './issue-api-key';

/** The command-line flag of each input field, so a refused key names what to change. */
const FLAGS: Record<string, string> = {
  'input.name': '--name',
  'input.role': '--role',
  'input.partnerId': '--partner',
  'input.scopes': '--scopes',
  'input.expiresAt': '--expires-at',
};

/**
 * `npm run create-key -w services/partners -- --role OPERATOR --name "on-call"`: creates an API key in the store
 * the partners service uses and prints it once, the way to get the first operator key (there is no default key
 * or password). Exit codes: 0 created, 2 bad arguments or a key the rules refuse, 1 anything else (bad
 * environment, the embedded store in use by a running `npm start`, database unreachable).
 */
async function main(argv: readonly string[]): Promise<number> {
  let args: CreateKeyArguments | 'help';
  try {
    args = parseCreateKeyArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, 2);
    throw error;
  }
  if (args === 'help') {
    console.log(CREATE_KEY_USAGE);
    return 0;
  }
  const { partner, ...key } = args;
  const config = loadCreateKeyConfig();
  let store: Store | undefined;
  try {
    store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.JUNCTION_DATA_DIR, poolSize: 1 });
    const { apiKey, secret } = await issueApiKey({ store, dbSchema: config.PARTNERS_DB_SCHEMA, key: { ...key, partner } });
    const owner = apiKey.partnerId ? ` for partner ${apiKey.partnerId}` : '';
    console.error(`Created ${apiKey.role} key "${apiKey.name}"${owner}: id ${apiKey.id}, prefix ${apiKey.prefix}, scopes ${apiKey.scopes.join(', ') || 'none'}.`);
    console.log(secret);
    console.error('This key is shown once and will not be shown again: only its hash is stored. Keep it in a secret store now; if it is lost, revoke it and create another.');
    return 0;
  } catch (error) {
    if (error instanceof BadUserInputError) {
      return fail(error.fieldErrors.map(({ field, message }) => `${FLAGS[field] ?? field}: ${message}`).join('; '), 2);
    }
    throw error;
  } finally {
    await store?.close();
  }
}

function fail(message: string, code: number): number {
  console.error(`create-key: ${message}`);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`create-key: ${error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
