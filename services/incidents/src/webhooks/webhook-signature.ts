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
  /**
   * The endpoint's signing secrets (each whole string, prefix included, is an HMAC key): the current one, then the
   * one its last rotation replaced while that is still kept.
   */
  secrets: readonly string[];
  /** The exact bytes of the request body, as sent. */
  body: string;
  /** When the delivery is signed, in Unix seconds. @default now */
  timestamp?: number;
}

/**
 * The `Junction-Signature` value of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, with one
 * `v1` per secret. A receiver recomputes the HMAC over the raw body it received with its secret and accepts the
 * delivery when any `v1` matches (compared in constant time); checking `t` against its clock bounds how long a
 * captured request can be replayed.
 */
export function signWebhookBody({ secrets, body, timestamp = Math.floor(Date.now() / 1000) }: SignWebhookBodyParameters): string {
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${hmacHex(secret, `${timestamp}.${body}`)}`)].join(',');
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
 * True when `header` carries a valid signature of `body` with `secret` (any of its `v1` entries: there are two
 * while a rotated-away secret is still kept), made within `toleranceSeconds` of `now`: what a receiver (or a test
 * standing in for one) runs on every delivery.
 */
export function verifyWebhookSignature({ secret, body, header, toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) }: VerifyWebhookSignatureParameters): boolean {
  const match = /^t=(\d+)((?:,v1=[0-9a-f]{64})+)$/.exec(header ?? '');
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, `${timestamp}.${body}`), 'hex');
  const signatures = match[2].split(',v1=').slice(1);
  return signatures.some((signature) => timingSafeEqual(expected, Buffer.from(signature, 'hex')));
}

function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}
