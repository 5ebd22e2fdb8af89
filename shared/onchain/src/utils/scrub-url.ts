/** What replaces every credential {@link scrubUrl} removes. */
export const REDACTED = '***';

/** Query parameters whose value is a credential whatever it looks like (`apikey`, `access_token`, `sig` …). */
const SECRET_QUERY_NAME = /key|token|secret|auth|pass|sig|credential|session|jwt/i;

/** A value long and random enough to be an API key: Infura, Alchemy, QuickNode, Ankr, Chainstack, UUIDs. */
const KEY_LIKE = /^[A-Za-z0-9_-]{32,}$/;

/** The segment after a version segment (`/v2/<key>`, `/v3/<key>`): a key when it is long and has a digit. */
const VERSION_SEGMENT = /^v\d+$/i;
const KEY_AFTER_VERSION = /^(?=.*\d)[A-Za-z0-9_-]{12,}$/;

/**
 * Returns `url` without the credentials an RPC URL commonly carries, so it can go into error messages, logs and
 * API replies:
 *
 * - userinfo (`https://user:pass@host`) becomes `https://***@host`;
 * - a path segment of 32 or more key characters (`[A-Za-z0-9_-]`, e.g. `/<infura project id>`, `/<quicknode token>`)
 *   becomes `***`, and so does a segment of 12 or more with a digit right after a version segment (`/v2/<key>`);
 * - a query parameter named like a credential (`apikey`, `api_key`, `token`, `access_token`, `secret`, `auth`,
 *   `sig` …) or whose value is 32 or more key characters keeps its name and loses its value;
 * - a fragment is dropped.
 *
 * A URL with nothing to scrub comes back exactly as given. A string that does not parse as a URL comes back as
 * `***`, since nothing can be said about which part of it is secret.
 *
 * @example
 * scrubUrl('https://user:pw@eth-mainnet.g.alchemy.com/v2/Abc123def456ghi789jkl012mno345pq?apikey=s3cret')
 * // 'https://***@eth-mainnet.g.alchemy.com/v2/***?apikey=***'
 */
export function scrubUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return REDACTED;
  }
  let changed = false;

  if (parsed.username || parsed.password) {
    parsed.username = REDACTED;
    parsed.password = '';
    changed = true;
  }

  const segments = parsed.pathname.split('/');
  const scrubbedSegments = segments.map((segment, index) => {
    const afterVersion = index > 0 && VERSION_SEGMENT.test(segments[index - 1]);
    const secret = KEY_LIKE.test(segment) || (afterVersion && KEY_AFTER_VERSION.test(segment));
    return secret ? REDACTED : segment;
  });
  if (scrubbedSegments.some((segment, index) => segment !== segments[index])) {
    parsed.pathname = scrubbedSegments.join('/');
    changed = true;
  }

  const query = new URLSearchParams(parsed.search);
  let queryChanged = false;
  for (const [name, value] of [...query.entries()]) {
    if (value !== '' && value !== REDACTED && (SECRET_QUERY_NAME.test(name) || KEY_LIKE.test(value))) {
      query.set(name, REDACTED);
      queryChanged = true;
    }
  }
  if (queryChanged) {
    parsed.search = query.toString();
    changed = true;
  }

  if (parsed.hash) {
    parsed.hash = '';
    changed = true;
  }

  return changed ? parsed.toString() : url;
}
