import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { gatewayEnv } from '../gateway/src/config';
import { bridgesEnv } from '../services/bridges/src/config';
import { chainsEnv } from '../services/chains/src/config';
import { incidentsEnv } from '../services/incidents/src/config';
import { partnersEnv } from '../services/partners/src/config';

// There is no Docker engine on the CI machine, so the compose file is checked against the code it runs: every
// command exists, every variable is one the process reads, ports and URLs agree, and health checks gate start-up.

const root = path.resolve(__dirname, '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; ports?: string[] }>;
};

const subgraphs = {
  partners: { env: partnersEnv, port: 4001 },
  chains: { env: chainsEnv, port: 4002 },
  bridges: { env: bridgesEnv, port: 4003 },
  incidents: { env: incidentsEnv, port: 4004 },
} as const;

describe('docker-compose.yml', () => {
  it('has PostgreSQL and Redis with health checks', () => {
    expect(compose.services.postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(compose.services.redis.healthcheck?.test.join(' ')).toContain('ping');
  });

  it.each(Object.entries(subgraphs))('runs the %s subgraph as the code expects', (name, { env, port }) => {
    const service = compose.services[name];
    expect(service.command).toEqual(['node', `services/${name}/dist/index.js`]);
    expect(existsSync(path.join(root, 'services', name, 'src', 'index.ts'))).toBe(true);
    const environment = service.environment ?? {};
    for (const variable of Object.keys(environment)) expect(Object.keys(env)).toContain(variable);
    expect(environment[`${name.toUpperCase()}_PORT`]).toBe(String(port));
    expect(environment.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    if (environment.REDIS_URL !== undefined) {
      expect(environment.REDIS_URL).toBe('redis://redis:6379');
      expect(service.depends_on?.redis.condition).toBe('service_healthy');
    }
    expect(environment.JUNCTION_PRINCIPAL_SECRET).toBeDefined();
    expect(service.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/readyz`);
    expect(service.depends_on?.postgres.condition).toBe('service_healthy');
    for (const [other, { port: otherPort }] of Object.entries(subgraphs)) {
      const url = environment[`${other.toUpperCase()}_URL`];
      if (url !== undefined) expect(url).toBe(`http://${other}:${otherPort}/graphql`);
    }
  });

  it('puts the gateway in front of all four subgraphs once they are healthy', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(['node', 'gateway/dist/index.js']);
    const environment = gateway.environment ?? {};
    for (const variable of Object.keys(environment)) expect(Object.keys(gatewayEnv)).toContain(variable);
    for (const [name, { port }] of Object.entries(subgraphs)) {
      expect(environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
      expect(gateway.depends_on?.[name].condition).toBe('service_healthy');
    }
    // Replicas share their rate limit buckets in Redis.
    expect(environment.REDIS_URL).toBe('redis://redis:6379');
    expect(gateway.depends_on?.redis.condition).toBe('service_healthy');
    expect(gateway.ports).toEqual([`${environment.GATEWAY_PORT}:${environment.GATEWAY_PORT}`]);
    expect(gateway.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${environment.GATEWAY_PORT}/readyz`);
  });
});
