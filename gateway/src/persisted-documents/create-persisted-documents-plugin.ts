import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { hasRole } from '@junction/federation/identity';
import type { Redis } from 'ioredis';
import type { ApiKeyPrincipals } from '../identity/api-key-principals';
import type { FailureLog } from '../redis/redis-fallback';
import { identifyRequest } from '../identity/resolve-caller';
import { usePersistedDocuments } from '../plugins/use-persisted-documents';
import { createMemoryApqStore } from './memory-apq-store';
import type { TrustedDocumentsMode } from './persisted-documents-config';
import { createRedisApqStore } from './redis-apq-store';
import type { TrustedDocuments } from './trusted-documents';

/** Parameters of {@link createPersistedDocumentsPlugin}. */
export interface CreatePersistedDocumentsPluginParameters {
  /** The registered operations (see `readTrustedDocuments`); unset leaves trusted documents off. @default undefined */
  trustedDocuments?: TrustedDocuments;
  /** Whether only registered operations run. @default 'enforce' when there are trusted documents */
  mode?: TrustedDocumentsMode;
  /** Store queries clients register by APQ (never while trusted documents are enforced). @default true */
  apq?: boolean;
  /** The gateway's Redis: APQ is stored there, shared by the replicas; without it, in memory. @default undefined */
  redis?: Redis;
  /** Prefix of the APQ keys in Redis. @default 'junction:apq:' */
  apqKeyPrefix?: string;
  /** Resolves the caller's key while the request is parsed, before the context exists. */
  principals: ApiKeyPrincipals;
  /** Where a failing Redis is reported (once a minute). @default a JSON line on stderr */
  log?: FailureLog;
}

/**
 * The gateway's persisted documents from its configuration: picks the APQ store (Redis when the gateway has one,
 * else memory; none while trusted documents are enforced) and lets OPERATOR and ADMIN keys send any query while
 * trusted documents are enforced (internal tools and GraphiQL; these keys can change the catalogue already).
 */
export function createPersistedDocumentsPlugin({ trustedDocuments, mode = 'enforce', apq = true, redis, apqKeyPrefix, principals, log }: CreatePersistedDocumentsPluginParameters): GatewayPlugin {
  const enforced = trustedDocuments !== undefined && mode === 'enforce';
  const apqStore = !apq || enforced ? undefined : redis ? createRedisApqStore({ redis, prefix: apqKeyPrefix, log }) : createMemoryApqStore();
  return usePersistedDocuments({
    trustedDocuments,
    mode: enforced ? 'enforce' : 'allow',
    apqStore,
    async maySendAnyDocument(request) {
      const principal = await identifyRequest(request, principals);
      return principal !== null && hasRole(principal, 'OPERATOR');
    },
  });
}
