import { fetch } from 'undici';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeRequestFailure } from '../src/webhooks/delivery-failure';
import { createPublicNetworkAgent, isNonPublicAddress, nonPublicUrlProblem } from '../src/webhooks/public-network-agent';

// Webhooks must not become a way to call services inside the deployment's network (server-side request forgery).

describe('the public-network agent of webhook deliveries', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_request, response) => response.end('reached'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])(
    'counts %s as not public',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(true);
    },
  );

  it.each(['1.1.1.1', '93.184.216.34', '2606:4700:4700::1111'])('counts %s as public', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it('refuses a URL whose host is an address that is not public, before any connection', () => {
    expect(nonPublicUrlProblem('http://127.0.0.1:8080/hook')).toBe('127.0.0.1 is a private, loopback or reserved address, which webhooks may not reach.');
    expect(nonPublicUrlProblem('https://[::1]/hook')).toContain('::1 is a private');
    expect(nonPublicUrlProblem('https://169.254.169.254/latest/meta-data')).toContain('169.254.169.254');
    expect(nonPublicUrlProblem('https://1.1.1.1/hook')).toBeNull();
    expect(nonPublicUrlProblem('https://hooks.example.org/hook')).toBeNull();
  });

  it('refuses to connect to a name that resolves to loopback, with a sentence saying why, and nothing reaches the server', async () => {
    let reached = 0;
    server.on('request', () => (reached += 1));
    const agent = createPublicNetworkAgent();
    try {
      const failure = await fetch(`http://localhost:${port}/hook`, { method: 'POST', body: '{}', dispatcher: agent }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(describeRequestFailure(failure, 1000)).toMatch(
        /^The request could not be sent: localhost resolves to (127\.0\.0\.1|::1), a private, loopback or reserved address, which webhooks may not reach\.$/,
      );
      expect(reached).toBe(0);
      // Allowed when private networks are allowed (no agent): the same request reaches the server.
      expect(await (await fetch(`http://127.0.0.1:${port}/hook`)).text()).toBe('reached');
    } finally {
      await agent.close();
    }
  });
});
