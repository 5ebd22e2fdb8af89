import { ConfigError } from '@junction/config';
import { openDataSource, openStore, type Store } from '@junction/db';
import { BaseError } from '@junction/errors';
import { parseArgs } from 'node:util';
import { loadResealWebhookSecretsConfig, type ResealWebhookSecretsConfig } from '../config';
import { migrations } from '../migrations';
import { entities } from '../entities';
import { resealWebhookSecrets, type ResealWebhookSecretsReturnType } from '../webhooks/reseal-webhook-secrets';
import { SecretBox } from '../webhooks/secret-box';

/** How to call the command. */
const USAGE = `Usage: npm run reseal-webhook-secrets -w services/incidents

Seals every webhook signing secret (and previous secret) stored in clear or with another key again with the first
key of WEBHOOK_SECRET_KEYS, in the store the incidents service uses (DATABASE_URL, or the embedded store in
JUNCTION_DATA_DIR, default .junction; schema INCIDENTS_DB_SCHEMA, default incidents). No secret changes value,
so partners notice nothing; afterwards keys other than the first can be dropped from WEBHOOK_SECRET_KEYS.`;

/**
 * `npm run reseal-webhook-secrets -w services/incidents`: seals the stored webhook signing secrets again with the
 * first key of `WEBHOOK_SECRET_KEYS`, so an older key can then be dropped. Prints `re-sealed N of M endpoints with
 * key "<id>"` on stdout, and on stderr one line per endpoint it left as it was (a secret sealed with a key that is not
 * configured). Exit codes: 0 every secret is sealed with the first key, 1 some endpoint was left as it was or
 * anything else failed (the embedded store in use by a running `npm start`, database unreachable), 2 bad arguments
 * or environment.
 */
async function main(argv: readonly string[]): Promise<number> {
  try {
    const { values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}; see --help.`, 2);
  }
  let config: ResealWebhookSecretsConfig;
  try {
    config = loadResealWebhookSecretsConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message, 2);
    throw error;
  }
  const secretBox = new SecretBox(config.WEBHOOK_SECRET_KEYS);
  let store: Store | undefined;
  let result: ResealWebhookSecretsReturnType;
  try {
    store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.JUNCTION_DATA_DIR, poolSize: 1 });
    const { dataSource } = await openDataSource({ store, schema: config.INCIDENTS_DB_SCHEMA, entities, migrations });
    try {
      result = await resealWebhookSecrets(dataSource, { secretBox });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await store?.close();
  }
  const { resealedEndpoints, totalEndpoints, sealingKeyId, failures } = result;
  console.log(`re-sealed ${resealedEndpoints} of ${totalEndpoints} endpoints with key "${sealingKeyId}"`);
  if (failures.length === 0) return 0;
  for (const { endpointId, error } of failures) console.error(`reseal-webhook-secrets: endpoint ${endpointId} was left as it was: ${error.message}`);
  const left = failures.length === 1 ? '1 endpoint was left as it was' : `${failures.length} endpoints were left as they were`;
  return fail(`${left}; do what the lines above say, then run the command again.`, 1);
}

function fail(message: string, code: number): number {
  console.error(`reseal-webhook-secrets: ${message}`);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`reseal-webhook-secrets: ${error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
