import { createGateway } from '@junction/gateway';
import { TEST_PRINCIPAL_SECRET } from '@junction/testing';
import path from 'node:path';
import { WebSocket } from 'ws';

// The gateway's GraphQL over WebSocket server registers in `gateway.webSocketServers`, and `close()` sends its
// clients 1001 (going away) while HTTP drains.

it('closes its GraphQL WebSockets with 1001 when the gateway closes', async () => {
  const gateway = createGateway({
    supergraphPath: path.resolve(__dirname, '../../schema/supergraph.graphql'),
    subgraphUrls: {},
    principalSecret: TEST_PRINCIPAL_SECRET,
    logLevel: 'error',
  });
  expect(gateway.webSocketServers.size).toBe(1);
  const url = await gateway.listen(0, '127.0.0.1');
  const client = new WebSocket(url.replace('http', 'ws'), 'graphql-transport-ws');
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => client.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await gateway.close();
  expect(await closed).toEqual({ code: 1001, reason: 'Server shutting down' });
});
