import { parseArgs } from 'node:util';

/** How to call the create-key command. */
export const CREATE_KEY_USAGE = `Usage: npm run create-key -w services/partners -- --role OPERATOR|ADMIN|PARTNER --name <label>
         [--partner <partner id or slug>] [--scopes <scope,scope…>] [--expires-at <ISO 8601 date-time>]

Creates an API key in the store the partners service uses (DATABASE_URL, or the embedded store in
JUNCTION_DATA_DIR, default .junction) and prints it once. PARTNER keys need --partner; --scopes defaults to
the role's scopes; --scopes "" gives a key with none.`;

/** The command's arguments, checked for shape (the key's rules are checked when it is created). */
export interface CreateKeyArguments {
  /** PARTNER, OPERATOR or ADMIN (given in any case). */
  role: string;
  /** The key's label. */
  name: string;
  /** The partner of a PARTNER key, by id or slug. @default undefined */
  partner?: string;
  /** The key's scopes. @default undefined (the role's defaults) */
  scopes?: string[];
  /** When the key stops working. @default undefined (never) */
  expiresAt?: Date;
}

/** Bad command-line arguments: the message is one line saying what to change. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses the command's arguments; `help` when `--help` was asked for. Throws a {@link UsageError} otherwise. */
export function parseCreateKeyArguments(argv: readonly string[]): CreateKeyArguments | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        partner: { type: 'string' },
        scopes: { type: 'string' },
        'expires-at': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; see --help.`);
  }
  if (values.help) return 'help';
  const role = values.role as string | undefined;
  const name = values.name as string | undefined;
  if (!role) throw new UsageError('--role is required: OPERATOR, ADMIN or PARTNER.');
  if (name === undefined) throw new UsageError('--name is required: who holds the key or what uses it, e.g. --name "on-call laptop".');
  const scopes = values.scopes as string | undefined;
  const expiresAt = values['expires-at'] as string | undefined;
  const parsed: CreateKeyArguments = { role: role.toUpperCase(), name };
  if (values.partner !== undefined) parsed.partner = values.partner as string;
  if (scopes !== undefined) parsed.scopes = scopes.split(',').map((scope) => scope.trim()).filter((scope) => scope !== '');
  if (expiresAt !== undefined) {
    const date = new Date(expiresAt);
    if (!/^\d{4}-\d{2}-\d{2}/.test(expiresAt) || Number.isNaN(date.getTime())) {
      throw new UsageError(`--expires-at must be an ISO 8601 date-time, e.g. 2027-01-01T00:00:00Z; got "${expiresAt}".`);
    }
    parsed.expiresAt = date;
  }
  return parsed;
}
