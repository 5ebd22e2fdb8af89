import type { Principal } from '@junction/federation/identity';

/**
 * What a caller can see, as a string: its role, the partner it acts for and its scopes (sorted), and nothing else.
 * Answers depend on exactly these (the subgraphs decide by them), so callers with the same view may share cached
 * answers: every anonymous caller shares `PUBLIC`, two keys of one partner with the same scopes share theirs, and two
 * partners never share one. The key id is left out on purpose: nothing a cached answer holds depends on it (the
 * fields that do, `ApiKey` and its kin, are never cached).
 */
export function callerView(principal: Principal): string {
  if (principal.role === 'PUBLIC') return 'PUBLIC';
  const scopes = [...(principal.scopes ?? [])].sort().join(' ');
  return JSON.stringify([principal.role, principal.partnerId ?? null, scopes]);
}
