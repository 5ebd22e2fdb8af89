/**
 * Removes the SIGINT/SIGTERM listeners through which the Hive runtime disposes itself the moment a signal arrives
 * (`@whatwg-node/server`'s `terminateHandler`, registered once per process when the first runtime is built, with
 * `disposeOnProcessTerminate` hard-wired on): they would abort every in-flight operation with `SHUTTING_DOWN`.
 * The gateway owns its shutdown instead: `close()` drains first and disposes the runtime after. Other listeners
 * (the devnet's child-process guard) are left alone.
 */
export function releaseRuntimeSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (listener.name === 'terminateHandler') process.off(signal, listener);
    }
  }
}
