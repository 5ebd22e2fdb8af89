import { z } from 'zod';

/** Thrown at start-up when the environment is invalid; its message lists every variable to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates environment variables against a zod object schema and returns the typed result. Every problem is
 * reported at once, naming the variable and what it accepts, so an operator can fix the environment in one go.
 * A variable set to the empty string counts as unset.
 */
export function parseEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: Record<string, string | undefined>,
): z.infer<z.ZodObject<Shape>> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = z.object(shape).safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration; set these environment variables and start again:\n${lines.join('\n')}`);
}

/** A TCP port number given as a string; `0` asks the OS for a free port. */
export const port = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);

/** An optional URL with the given schemes. */
export const optionalUrl = (...protocols: string[]) =>
  z
    .string()
    .url()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    })
    .optional();
