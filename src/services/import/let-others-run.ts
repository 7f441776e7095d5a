import { setImmediate } from "node:timers/promises";

/** The longest a bulk import keeps the event loop to itself. */
const YIELD_EVERY_MS = 20;

/**
 * For long loops whose awaits all resolve as microtasks (SQLite writes, files parsed ahead): the
 * returned function yields to the event loop when the loop has held it for YIELD_EVERY_MS, so
 * Ctrl-C, the progress bar and timers (the search index's batch) get their turn.
 */
export function createYielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < YIELD_EVERY_MS) return;
    await setImmediate();
    last = performance.now();
  };
}
