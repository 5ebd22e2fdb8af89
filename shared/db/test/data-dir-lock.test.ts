import { DATA_DIR_LOCK_FILE, DataDirInUseError, lockDataDir } from '@junction/db';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// PGlite opens a directory another process has open without complaint; this lock is what refuses it.

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'junction-lock-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const lockFile = () => path.join(dir, DATA_DIR_LOCK_FILE);
const holder = () => JSON.parse(readFileSync(lockFile(), 'utf8')).pid as number;

describe('lockDataDir', () => {
  it('records this process, refuses a second holder, and removes the lock on release', () => {
    const lock = lockDataDir(dir);
    expect(holder()).toBe(process.pid);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    lock.release();
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
    lockDataDir(dir).release();
  });

  it('refuses a directory a live process holds, saying which and what to do', () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: process.ppid, since: '2026-01-01T00:00:00.000Z' }));
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      shortMessage:
        `The embedded store in ${dir} is in use by process ${process.ppid} (a running \`npm start\` or service?). Stop that process ` +
        `first, or point DATABASE_URL at a PostgreSQL server; if no Junction process is running, delete ${lockFile()}.`,
    });
    expect(holder()).toBe(process.ppid);
  });

  it('takes over the lock of a process that is gone (a crash), or an unreadable one', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(lockFile(), JSON.stringify({ pid: Number(gone.stdout.toString()), since: '2026-01-01T00:00:00.000Z' }));
    const lock = lockDataDir(dir);
    expect(holder()).toBe(process.pid);
    lock.release();
    writeFileSync(lockFile(), '');
    lockDataDir(dir).release();
    expect(existsSync(lockFile())).toBe(false);
  });
});
