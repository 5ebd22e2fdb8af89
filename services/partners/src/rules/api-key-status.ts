import { ApiKeyStatus } from '../types/enums';

/** Whether a key works at `now`: REVOKED wins over EXPIRED. */
export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyStatus {
  if (key.revokedAt) return ApiKeyStatus.REVOKED;
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return ApiKeyStatus.EXPIRED;
  return ApiKeyStatus.ACTIVE;
}
