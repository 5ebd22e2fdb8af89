import { TEST_PRINCIPAL_SECRET } from '@junction/testing';
import { loadGatewayConfig } from '../src/config';
import { clientAddress } from '../src/rate-limit/client-address';
import { rateLimitHeaders } from '../src/rate-limit/rate-limit-headers';
import { withDefaultRateLimits } from '../src/rate-limit/rate-limit-policy';

// How rate limits are configured, and how the gateway tells a client address and its headers.

const load = (env: Record<string, string>) => loadGatewayConfig({ JUNCTION_PRINCIPAL_SECRET: TEST_PRINCIPAL_SECRET, ...env });

describe('GATEWAY_RATE_LIMITS', () => {
  it('defaults to 60, 600, 3000 and 3000 requests a minute for PUBLIC, PARTNER, OPERATOR and ADMIN', () => {
    expect(withDefaultRateLimits(load({}).rateLimits)).toEqual({
      PUBLIC: { requests: 60, windowSeconds: 60 },
      PARTNER: { requests: 600, windowSeconds: 60 },
      OPERATOR: { requests: 3000, windowSeconds: 60 },
      ADMIN: { requests: 3000, windowSeconds: 60 },
    });
  });

  it('reads ROLE=REQUESTS/WINDOW[:burst=N] per role; the roles it does not name keep their defaults', () => {
    const { rateLimits } = load({ GATEWAY_RATE_LIMITS: 'public=30/1m, PARTNER=1200/60s:burst=200,ADMIN=100000/1h' });
    expect(withDefaultRateLimits(rateLimits)).toEqual({
      PUBLIC: { requests: 30, windowSeconds: 60 },
      PARTNER: { requests: 1200, windowSeconds: 60, burst: 200 },
      OPERATOR: { requests: 3000, windowSeconds: 60 },
      ADMIN: { requests: 100000, windowSeconds: 3600 },
    });
  });

  it.each([
    ['PUBLIC=60/60s,PARTNER=lots', '"PARTNER=lots" is not ROLE=REQUESTS/WINDOW[:burst=N]; write ROLE=REQUESTS/WINDOW[:burst=N] separated by commas, e.g. PUBLIC=60/60s,PARTNER=600/1m:burst=100'],
    ['PUBLIC=60/60', '"PUBLIC=60/60" is not ROLE=REQUESTS/WINDOW[:burst=N]; write ROLE=REQUESTS/WINDOW[:burst=N] separated by commas, e.g. PUBLIC=60/60s,PARTNER=600/1m:burst=100'],
    ['GUEST=1/1s', '"GUEST=1/1s" names the unknown role GUEST; the roles are PUBLIC, PARTNER, OPERATOR, ADMIN'],
    ['PUBLIC=1/1s,public=2/1s', 'PUBLIC is given twice; give each role once'],
    ['PUBLIC=0/1m', '"PUBLIC=0/1m": REQUESTS must be from 1 to 1000000000'],
    ['PUBLIC=10/0s', '"PUBLIC=10/0s": WINDOW must be from 1s to 24h'],
    ['PUBLIC=10/1m:burst=0', '"PUBLIC=10/1m:burst=0": burst must be from 1 to 1000000000'],
    ['PUBLIC=10/1m,', 'it has an empty entry; write ROLE=REQUESTS/WINDOW[:burst=N] separated by commas, e.g. PUBLIC=60/60s,PARTNER=600/1m:burst=100'],
  ])('refuses %s at start-up, naming the variable and the bad part', (value, problem) => {
    expect(() => load({ GATEWAY_RATE_LIMITS: value })).toThrow(`Invalid configuration; set these environment variables and start again:\n- GATEWAY_RATE_LIMITS: ${problem}`);
  });

  it('reads GATEWAY_TRUST_PROXY and REDIS_URL, and refuses what they cannot be', () => {
    expect(load({ GATEWAY_TRUST_PROXY: '2', REDIS_URL: 'redis://cache:6379' })).toMatchObject({ trustProxy: 2, redisUrl: 'redis://cache:6379' });
    expect(load({})).toMatchObject({ trustProxy: 0, redisUrl: undefined });
    expect(() => load({ GATEWAY_TRUST_PROXY: 'yes', REDIS_URL: 'http://cache:6379' })).toThrow(
      'Invalid configuration; set these environment variables and start again:\n' +
        '- GATEWAY_TRUST_PROXY: must be the number of proxies in front of the gateway (0, 1, 2 …)\n' +
        '- REDIS_URL: must start with redis:// or rediss://',
    );
  });
});

describe('client address', () => {
  const socket = (remoteAddress: string) => ({ socket: { remoteAddress } }) as never;
  const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value });

  it('is the socket’s address unless proxies are trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ req: socket('::ffff:10.0.0.7'), headers: forwarded('1.2.3.4') })).toBe('10.0.0.7');
    expect(clientAddress({ req: socket('2001:DB8::1'), headers: new Headers() })).toBe('2001:db8::1');
    expect(clientAddress({ headers: new Headers() })).toBe('unknown');
  });

  it('with N trusted proxies, is the address the outermost one saw; what the client wrote further left is ignored', () => {
    expect(clientAddress({ req: socket('10.0.0.2'), headers: forwarded('198.51.100.9'), trustProxy: 1 })).toBe('198.51.100.9');
    expect(clientAddress({ req: socket('10.0.0.2'), headers: forwarded('6.6.6.6, 198.51.100.9'), trustProxy: 1 })).toBe('198.51.100.9');
    expect(clientAddress({ req: socket('10.0.0.3'), headers: forwarded('6.6.6.6, 198.51.100.9, 10.0.0.2'), trustProxy: 2 })).toBe('198.51.100.9');
    expect(clientAddress({ req: socket('10.0.0.2'), headers: new Headers(), trustProxy: 1 })).toBe('10.0.0.2');
  });
});

describe('rate limit headers', () => {
  it('give the bucket size, what is left, the reset in epoch seconds and the IETF draft’s structured fields', () => {
    const headers = rateLimitHeaders({
      policyName: 'partner',
      policy: { requests: 600, windowSeconds: 60, burst: 100 },
      result: { allowed: false, remaining: 0, fullInMs: 9_950, retryInMs: 50 },
      decidedAt: 1_700_000_000_500,
    });
    expect(headers).toEqual({
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '1700000011',
      'RateLimit-Policy': '"partner";q=600;w=60',
      RateLimit: '"partner";r=0;t=10',
      'Retry-After': '1',
    });
  });
});
