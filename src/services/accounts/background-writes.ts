/**
 * Bookkeeping writes a request must not wait for (a session's last-seen time, a token's last
 * use): started, never awaited by the caller, and allowed to fail quietly — the next request
 * writes them again. `settle()` lets shutdown and tests wait for those still running.
 */
export function createBackgroundWrites() {
  const pending = new Set<Promise<unknown>>();
  return {
    run(write: Promise<unknown>): void {
      const tracked: Promise<unknown> = write.catch(() => undefined).finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    async settle(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export type BackgroundWrites = ReturnType<typeof createBackgroundWrites>;
