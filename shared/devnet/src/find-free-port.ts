import { createServer } from 'node:net';

/**
 * Asks the operating system for a TCP port that is free on `host` right now. Another process may take it before
 * the caller binds it, so a caller that starts something on it must retry on "address in use".
 */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error(`No free port was reported on ${host}.`))));
    });
  });
}
