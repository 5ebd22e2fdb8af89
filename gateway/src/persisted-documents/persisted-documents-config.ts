import { ConfigError, z } from '@junction/config';

/**
 * `enforce`: only operations in the manifest run (OPERATOR and ADMIN keys may still send any query), and APQ stores
 * nothing; `allow`: operations in the manifest are found by id or hash, and any other document runs too.
 */
export type TrustedDocumentsMode = 'enforce' | 'allow';

/** Trusted documents: the operations registered for the gateway's clients. */
export interface TrustedDocumentsSettings {
  /** The manifest file: `{ "<hash>": "<document>" }` or an Apollo persisted query manifest (see `readTrustedDocuments`). */
  path: string;
  /** Whether only registered operations run. */
  mode: TrustedDocumentsMode;
}

/** Environment variables of persisted documents (read by `loadGatewayConfig` and the launcher). */
export const persistedDocumentsEnv = {
  /** The trusted documents manifest (JSON); unset turns trusted documents off. @default unset */
  GATEWAY_TRUSTED_DOCUMENTS: z.string().optional(),
  /** `enforce` (registered operations only; OPERATOR and ADMIN keys excepted) or `allow` (registered and any other). @default enforce */
  GATEWAY_TRUSTED_DOCUMENTS_MODE: z.enum(['enforce', 'allow']).optional(),
  /** Automatic persisted queries (Apollo's protocol), stored in Redis when the gateway has one; not stored while trusted documents are enforced. @default true */
  GATEWAY_APQ: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
};

/** {@link persistedDocumentsEnv} as parsed. */
export type PersistedDocumentsEnv = z.infer<z.ZodObject<typeof persistedDocumentsEnv>>;

/** The gateway configuration a parsed environment gives; a mode without a manifest is refused. */
export function persistedDocumentsFromEnv(env: PersistedDocumentsEnv): { trustedDocuments?: TrustedDocumentsSettings; apq: boolean } {
  if (env.GATEWAY_TRUSTED_DOCUMENTS === undefined) {
    if (env.GATEWAY_TRUSTED_DOCUMENTS_MODE !== undefined) {
      throw new ConfigError(
        'Invalid configuration; set these environment variables and start again:\n- GATEWAY_TRUSTED_DOCUMENTS: must name the trusted documents manifest when GATEWAY_TRUSTED_DOCUMENTS_MODE is set (or unset the mode)',
      );
    }
    return { apq: env.GATEWAY_APQ };
  }
  return { trustedDocuments: { path: env.GATEWAY_TRUSTED_DOCUMENTS, mode: env.GATEWAY_TRUSTED_DOCUMENTS_MODE ?? 'enforce' }, apq: env.GATEWAY_APQ };
}
