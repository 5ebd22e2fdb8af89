import { z } from '@junction/config';
import { ROLES, type Role } from '@junction/federation/identity';

/** Who may introspect: everyone, no one, or OPERATOR and ADMIN keys only. */
export type IntrospectionPolicy = 'on' | 'off' | 'operators';

/** How the gateway protects itself and the subgraphs; see {@link DEFAULT_PROTECTION} for the defaults. */
export interface ProtectionConfig {
  /** The deepest nesting of selections a query may have (`{ a { b } }` is 2 deep). @default 12 */
  maxDepth: number;
  /** The most aliased fields one query may have (`__typename` aliases are free). @default 30 */
  maxAliases: number;
  /** The most tokens (names, punctuation, literal values) a query document may have. @default 2000 */
  maxTokens: number;
  /** The highest estimated cost (`@cost` / `@listSize`) one operation may have, per role. @default {@link DEFAULT_COST_BUDGETS} */
  costBudgets: Record<Role, number>;
  /** The largest request body accepted, in bytes; larger ones are answered 413. @default 102400 */
  maxBodyBytes: number;
  /** Origins allowed to call cross-origin from a browser (`https://app.example.com`, or `*`); none allows only same-origin pages. @default [] */
  corsOrigins: readonly string[];
  /** Who may introspect the schema (GraphiQL needs it). @default 'on' */
  introspection: IntrospectionPolicy;
  /** How long one request to a subgraph may take before it counts as failed. @default 10000 */
  subgraphTimeoutMs: number;
  /** How often a failed subgraph request of a query is retried (mutations never are). @default 2 */
  subgraphRetries: number;
  /** The wait before the first retry; each next wait doubles. @default 100 */
  subgraphRetryDelayMs: number;
}

/** What {@link GatewayConfig.protection} may set: any part of {@link ProtectionConfig}, cost budgets role by role. */
export type ProtectionSettings = Partial<Omit<ProtectionConfig, 'costBudgets'>> & {
  /** Budgets of the roles to change; the others keep {@link DEFAULT_COST_BUDGETS}. @default {} */
  costBudgets?: Partial<Record<Role, number>>;
};

/**
 * The highest estimated cost of one operation per role, roughly the objects it may return. The README's largest
 * example (100 incidents with their chains) costs about 1,100; 50 chains with their owners, bridges and open
 * incidents about 3,050; 100 chains with up to 100 incidents each about 10,100; three levels of 100-item lists
 * about 1,000,000.
 */
export const DEFAULT_COST_BUDGETS: Readonly<Record<Role, number>> = Object.freeze({ PUBLIC: 5000, PARTNER: 50_000, OPERATOR: 200_000, ADMIN: 200_000 });

/** The protection a gateway has when nothing is configured. */
export const DEFAULT_PROTECTION: Readonly<ProtectionConfig> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 2000,
  costBudgets: DEFAULT_COST_BUDGETS,
  maxBodyBytes: 100 * 1024,
  corsOrigins: [],
  introspection: 'on',
  subgraphTimeoutMs: 10_000,
  subgraphRetries: 2,
  subgraphRetryDelayMs: 100,
});

/** {@link DEFAULT_PROTECTION} with `settings` applied. */
export function withDefaultProtection(settings: ProtectionSettings = {}): ProtectionConfig {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as ProtectionSettings;
  return { ...DEFAULT_PROTECTION, ...defined, costBudgets: { ...DEFAULT_COST_BUDGETS, ...defined.costBudgets } };
}

/** Environment variables of the gateway's protection (read by `loadGatewayConfig` and the launcher). */
export const protectionEnv = {
  /** Deepest selection nesting. @default 12 */
  GATEWAY_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(DEFAULT_PROTECTION.maxDepth),
  /** Most aliases per query. @default 30 */
  GATEWAY_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(DEFAULT_PROTECTION.maxAliases),
  /** Most tokens per query document. @default 2000 */
  GATEWAY_MAX_TOKENS: z.coerce.number().int().min(50).max(100_000).default(DEFAULT_PROTECTION.maxTokens),
  /**
   * Cost budgets of the roles to change, `ROLE=COST` separated by commas, e.g. `PUBLIC=1000,PARTNER=20000`; roles
   * not named keep their defaults. @default PUBLIC=5000,PARTNER=50000,OPERATOR=200000,ADMIN=200000
   */
  GATEWAY_MAX_COST: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseCostBudgets(text);
      if (typeof parsed !== 'string') return parsed;
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    })
    .optional(),
  /** Largest request body in bytes. @default 102400 */
  GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(DEFAULT_PROTECTION.maxBodyBytes),
  /** Origins browsers may call from, comma-separated (`https://app.example.com`, or `*`); unset allows same-origin pages only. @default unset */
  GATEWAY_CORS_ORIGINS: z
    .string()
    .transform((text) => text.split(',').map((origin) => origin.trim()).filter(Boolean))
    .refine((origins) => origins.every((origin) => origin === '*' || /^https?:\/\/[^/\s]+$/.test(origin)), {
      message: 'must be origins like https://app.example.com (scheme and host, optional port, no path) or *, separated by commas',
    })
    .optional(),
  /** `on` (everyone), `off` (no one) or `operators` (OPERATOR and ADMIN keys only). @default on */
  GATEWAY_INTROSPECTION: z.enum(['on', 'off', 'operators']).default(DEFAULT_PROTECTION.introspection),
  /** Timeout of one subgraph request in milliseconds. @default 10000 */
  GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(DEFAULT_PROTECTION.subgraphTimeoutMs),
  /** Retries of a failed subgraph request of a query (never of a mutation). @default 2 */
  GATEWAY_SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(DEFAULT_PROTECTION.subgraphRetries),
  /** Wait before the first retry in milliseconds; each next one doubles. @default 100 */
  GATEWAY_SUBGRAPH_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_PROTECTION.subgraphRetryDelayMs),
};

/** {@link protectionEnv} as parsed. */
export type ProtectionEnv = z.infer<z.ZodObject<typeof protectionEnv>>;

/** The settings a parsed environment gives. */
export function protectionFromEnv(env: ProtectionEnv): ProtectionSettings {
  return {
    maxDepth: env.GATEWAY_MAX_DEPTH,
    maxAliases: env.GATEWAY_MAX_ALIASES,
    maxTokens: env.GATEWAY_MAX_TOKENS,
    costBudgets: env.GATEWAY_MAX_COST,
    maxBodyBytes: env.GATEWAY_MAX_BODY_BYTES,
    corsOrigins: env.GATEWAY_CORS_ORIGINS,
    introspection: env.GATEWAY_INTROSPECTION,
    subgraphTimeoutMs: env.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    subgraphRetries: env.GATEWAY_SUBGRAPH_RETRIES,
    subgraphRetryDelayMs: env.GATEWAY_SUBGRAPH_RETRY_DELAY_MS,
  };
}

/** Parses `PUBLIC=1000,PARTNER=20000`; returns the problem as a sentence when the text is not that. */
function parseCostBudgets(text: string): Partial<Record<Role, number>> | string {
  const budgets: Partial<Record<Role, number>> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([A-Z]+)=(\d{1,9})$/.exec(entry);
    if (!match || !ROLES.includes(match[1] as Role)) {
      return `"${entry}" is not ROLE=COST with ROLE one of ${ROLES.join(', ')} and COST a whole number, e.g. PUBLIC=1000,PARTNER=20000`;
    }
    budgets[match[1] as Role] = Number(match[2]);
  }
  return budgets;
}
