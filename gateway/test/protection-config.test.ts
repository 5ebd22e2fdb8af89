import { loadGatewayConfig } from '../src/config';
import { DEFAULT_PROTECTION, withDefaultProtection } from '../src/protection/protection-config';

// The protection settings come from the environment, validated at start-up like every other setting.

const SECRET = { JUNCTION_PRINCIPAL_SECRET: 'a-test-secret-of-at-least-thirty-two-characters' };
const protectionOf = (env: Record<string, string>) => withDefaultProtection(loadGatewayConfig({ ...SECRET, ...env }).protection);

describe('protection configuration', () => {
  it('has the documented defaults when nothing is set', () => {
    expect(protectionOf({})).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 2000,
      costBudgets: { PUBLIC: 5000, PARTNER: 50_000, OPERATOR: 200_000, ADMIN: 200_000 },
      maxBodyBytes: 102_400,
      corsOrigins: [],
      introspection: 'on',
      subgraphTimeoutMs: 10_000,
      subgraphRetries: 2,
      subgraphRetryDelayMs: 100,
    });
    expect(withDefaultProtection()).toEqual(DEFAULT_PROTECTION);
  });

  it('reads every variable; cost budgets change only the roles named', () => {
    expect(
      protectionOf({
        GATEWAY_MAX_DEPTH: '8',
        GATEWAY_MAX_ALIASES: '5',
        GATEWAY_MAX_TOKENS: '500',
        GATEWAY_MAX_COST: 'PUBLIC=500, PARTNER=20000',
        GATEWAY_MAX_BODY_BYTES: '65536',
        GATEWAY_CORS_ORIGINS: 'https://dashboard.example, http://localhost:5173',
        GATEWAY_INTROSPECTION: 'operators',
        GATEWAY_SUBGRAPH_TIMEOUT_MS: '3000',
        GATEWAY_SUBGRAPH_RETRIES: '0',
        GATEWAY_SUBGRAPH_RETRY_DELAY_MS: '250',
      }),
    ).toEqual({
      maxDepth: 8,
      maxAliases: 5,
      maxTokens: 500,
      costBudgets: { PUBLIC: 500, PARTNER: 20_000, OPERATOR: 200_000, ADMIN: 200_000 },
      maxBodyBytes: 65_536,
      corsOrigins: ['https://dashboard.example', 'http://localhost:5173'],
      introspection: 'operators',
      subgraphTimeoutMs: 3000,
      subgraphRetries: 0,
      subgraphRetryDelayMs: 250,
    });
  });

  it('fails at start-up naming each variable it cannot accept and what it would', () => {
    expect(() =>
      loadGatewayConfig({
        ...SECRET,
        GATEWAY_MAX_COST: 'VIEWER=10',
        GATEWAY_CORS_ORIGINS: 'https://dashboard.example/app',
        GATEWAY_INTROSPECTION: 'sometimes',
        GATEWAY_SUBGRAPH_RETRIES: '9',
      }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          new RegExp(
            [
              '- GATEWAY_MAX_COST: "VIEWER=10" is not ROLE=COST with ROLE one of PUBLIC, PARTNER, OPERATOR, ADMIN and COST a whole number',
              '- GATEWAY_CORS_ORIGINS: must be origins like https://app.example.com',
              '- GATEWAY_INTROSPECTION: ',
              '- GATEWAY_SUBGRAPH_RETRIES: ',
            ]
              .map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('[\\s\\S]*'),
          ),
        ),
      }),
    );
  });
});
