import { BaseError, ErrorCode } from '@junction/errors';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The lock file's name inside the embedded store's directory. */
export const DATA_DIR_LOCK_FILE = 'store.lock';

/** Lock files this process holds, so a second open in the same process is refused too. */
const held = new Set<string>();

/** Exclusive use of an embedded store's directory by this process. */
export interface DataDirLock {
  /** The lock file. */
  readonly file: string;
  /** Gives the directory up (removes the lock file if it is still ours). Safe to call twice. */
  release(): void;
}

/**
 * Takes the embedded store's directory for this process, or throws when another live process holds it.
 *
 * PGlite itself does not detect a second process opening the same directory: it writes a `postmaster.pid` with a
 * fixed fake pid, leaves it behind after a crash, and opens the directory anyway, so two processes would write the
 * same files and corrupt them. This lock file records the holder's pid; it is created exclusively, removed on
 * release, and taken over when the process that wrote it is gone (a crash). It guards processes on one machine
 * (the pid is checked locally), not a directory shared over a network.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, DATA_DIR_LOCK_FILE);
  mkdirSync(dir, { recursive: true });
  if (held.has(file)) throw new DataDirInUseError(dir, file, process.pid);
  const content = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockError(error, dir, file);
      const holder = readHolder(file);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) throw new DataDirInUseError(dir, file, holder);
      // The holder is gone (or is an earlier life of this pid, as in a restarted container): take over.
      rmSync(file, { force: true });
    }
  }
  held.add(file);
  return {
    file,
    release() {
      if (!held.delete(file)) return;
      if (readHolder(file) === process.pid) rmSync(file, { force: true });
    },
  };
}

/** The embedded store's directory is open in another process; opening it here too would corrupt it. */
export class DataDirInUseError extends BaseError {
  override name = 'DataDirInUseError';
  constructor(dir: string, file: string, pid: number) {
    super(
      `The embedded store in ${dir} is in use by process ${pid} (a running \`npm start\` or service?). Stop that ` +
        `process first, or point DATABASE_URL at a PostgreSQL server; if no Junction process is running, delete ${file}.`,
      { code: ErrorCode.CONFLICT, details: { dir, file, pid } },
    );
  }
}

function readHolder(file: string): number | undefined {
  try {
    const { pid } = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockError(error: unknown, dir: string, file: string): Error {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    return new DataDirInUseError(dir, file, readHolder(file) ?? 0);
  }
  return error as Error;
}
