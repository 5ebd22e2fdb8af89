import type { ChildProcess } from 'node:child_process';

/** Signals after which a process that nobody else handles them for would die without running its 'exit' listeners. */
const fatalSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const guarded = new Set<ChildProcess>();

function killGuarded(): void {
  for (const child of guarded) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else owns shutdown on this signal: they close the devnet, or exit and the 'exit' listener runs.
  if (process.listenerCount(signal) > 1) return;
  killGuarded();
  uninstall();
  // Nobody else handles it: die of the signal as Node would have without our listener.
  process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', killGuarded);
  for (const signal of fatalSignals) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', killGuarded);
  for (const signal of fatalSignals) process.off(signal, onSignal);
}

/**
 * Makes sure `child` does not outlive this process: it is killed when this process exits (normally, through
 * `process.exit`, or on an uncaught exception) and on SIGINT/SIGTERM/SIGHUP that no one else handles. The
 * process listeners exist only while some guarded child is alive. A SIGKILL of this process cannot be caught.
 */
export function guardChildProcess(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (guarded.size === 0) install();
  guarded.add(child);
  child.once('exit', () => {
    guarded.delete(child);
    if (guarded.size === 0) uninstall();
  });
}
