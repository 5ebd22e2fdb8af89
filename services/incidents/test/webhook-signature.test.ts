import { createHmac } from 'node:crypto';
import { generateSigningSecret, signWebhookBody, verifyWebhookSignature } from '../src/webhooks/webhook-signature';

// The Junction-Signature header as a partner's receiver sees it: one v1 per signing secret, any of them may match.

const body = '{"id":"4f1c","kind":"OPENED"}';
const timestamp = 1_733_000_000;
const current = generateSigningSecret();
const previous = generateSigningSecret();
const hmac = (secret: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

describe('the webhook signature', () => {
  it('carries one v1 per secret, the current one first', () => {
    expect(signWebhookBody({ secrets: [current], body, timestamp })).toBe(`t=${timestamp},v1=${hmac(current)}`);
    expect(signWebhookBody({ secrets: [current, previous], body, timestamp })).toBe(`t=${timestamp},v1=${hmac(current)},v1=${hmac(previous)}`);
  });

  it('verifies with either secret when it carries two v1 entries, and with no other', () => {
    const header = signWebhookBody({ secrets: [current, previous], body, timestamp });
    expect(verifyWebhookSignature({ secret: current, body, header, now: timestamp })).toBe(true);
    expect(verifyWebhookSignature({ secret: previous, body, header, now: timestamp })).toBe(true);
    expect(verifyWebhookSignature({ secret: generateSigningSecret(), body, header, now: timestamp })).toBe(false);
    expect(verifyWebhookSignature({ secret: current, body: `${body} `, header, now: timestamp })).toBe(false);
  });

  it('refuses a timestamp outside the tolerance, even when a v1 matches', () => {
    const header = signWebhookBody({ secrets: [current, previous], body, timestamp });
    expect(verifyWebhookSignature({ secret: previous, body, header, now: timestamp + 300 })).toBe(true);
    expect(verifyWebhookSignature({ secret: previous, body, header, now: timestamp + 301 })).toBe(false);
    expect(verifyWebhookSignature({ secret: previous, body, header, now: timestamp - 301 })).toBe(false);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['no v1', `t=${timestamp}`],
    ['no timestamp', `v1=${hmac(current)}`],
    ['the timestamp last', `v1=${hmac(current)},t=${timestamp}`],
    ['a trailing comma', `t=${timestamp},v1=${hmac(current)},`],
    ['an empty v1', `t=${timestamp},v1=${hmac(current)},v1=`],
    ['a short v1', `t=${timestamp},v1=${hmac(current).slice(2)}`],
    ['an unknown scheme', `t=${timestamp},v0=${hmac(current)}`],
    ['spaces', `t=${timestamp}, v1=${hmac(current)}`],
  ])('is false for a malformed header: %s', (_name, header) => {
    expect(verifyWebhookSignature({ secret: current, body, header, now: timestamp })).toBe(false);
  });
});
