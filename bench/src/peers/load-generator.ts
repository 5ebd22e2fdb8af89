/**
 * The peer benchmark's load generator, in a process of its own: `node load-generator.js` reads a {@link LoadJob}
 * as JSON on stdin, sends the query with autocannon (each request presenting the next key of the pool) and writes a
 * {@link LoadResult} as JSON on stdout.
 *
 * Apart from the subgraphs' process, its clock does not stop when theirs does: a response that has arrived is
 * counted when it arrives, not after the subgraphs' next garbage collection or burst of work.
 */
import autocannon from 'autocannon';

/** What to send, and for how long. */
export interface LoadJob {
  url: string;
  /** The request body (JSON). */
  body: string;
  /** API keys, one per request in turn. */
  keys: string[];
  connections: number;
  length: { duration: number } | { amount: number };
}

/** What autocannon measured, and the CPU the load generator spent doing it. */
export interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  failures: number;
  cpuMs: number;
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { url, body, keys, connections, length } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadJob;
  const cpuBefore = process.cpuUsage();
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    ...length,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${keys[next++ % keys.length]}` } }) }],
  });
  const cpu = process.cpuUsage(cpuBefore);
  const answer: LoadResult = {
    requests: { average: result.requests.average, total: result.requests.total },
    latency: { p50: result.latency.p50, p99: result.latency.p99 },
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  process.stdout.write(JSON.stringify(answer));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
