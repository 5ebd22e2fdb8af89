/**
 * A FIFO mutex. The embedded store has one PostgreSQL session, so a connection (and any transaction on it) must
 * be held by one caller at a time; this lock is what makes that true across every DataSource in the process.
 */
export class SessionLock {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  /**
   * Waits for the lock and returns the function that releases it (idempotent). Rejects after `timeoutMs`, which
   * in practice means a caller holds a connection while waiting for another one: a bug worth a loud error.
   */
  acquire(timeoutMs: number): Promise<() => void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(grant);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for the embedded database session.`));
      }, timeoutMs);
      this.waiters.push(grant);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.held = false;
    };
  }
}
