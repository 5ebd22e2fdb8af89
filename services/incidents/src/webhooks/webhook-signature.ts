import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header that carries a delivery's signature. */
export const SIGNATURE_HEADER = 'Junction-Signature';

/** What signing secrets start with, so one is recognisable in a partner's configuration. */
export const SIGNING_SECRET_PREFIX = 'whsec_';

/** A new signing secret: the prefix and 32 random bytes, base64url (43 characters). */
export function generateSigningSecret(): string {
  return `${SIGNING_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Parameters of {@link signWebhookBody}. */
export interface SignWebhookBodyParameters {
  /** The endpoint's signing secret (the whole string, prefix included, is the HMAC key). */
  secret: string;
  /** The exact bytes of the request body, as sent. */
  body: string;
  /** When the delivery is signed, in Unix seconds. @default now */
  timestamp?: number;
}

/**
 * The `Junction-Signature` value of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. A
 * receiver recomputes the HMAC over the raw body it received and compares in constant time; checking `t` against
 * its clock bounds how long a captured request can be replayed.
 */
export function signWebhookBody({ secret, body, timestamp = Math.floor(Date.now() / 1000) }: SignWebhookBodyParameters): string {
  return `t=${timestamp},v1=${hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** Parameters of {@link verifyWebhookSignature}. */
export interface VerifyWebhookSignatureParameters {
  /** The endpoint's signing secret. */
  secret: string;
  /** The raw request body. */
  body: string;
  /** The `Junction-Signature` header as received. */
  header: string | null | undefined;
  /** How far `t` may be from now, in seconds. @default 300 */
  toleranceSeconds?: number;
  /** The receiver's clock, in Unix seconds. @default now */
  now?: number;
}

/**
 * True when `header` is a valid signature of `body` with `secret`, made within `toleranceSeconds` of `now`: what
 * a receiver (or a test standing in for one) runs on every delivery.
 */
export function verifyWebhookSignature({ secret, body, header, toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) }: VerifyWebhookSignatureParameters): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, `${timestamp}.${body}`), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}
