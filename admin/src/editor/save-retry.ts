import { ApiError } from "../lib/api.ts";

/**
 * The editor's retry queue for saves that could not reach the server (no network, or a gateway
 * that answers for a server that is down). A save always sends the whole story as it is now, so
 * the queue holds no payloads: it is "a save is owed", an attempt count and one timer; the text
 * itself waits in the local copy (draft-store.ts). Retries back off (2 s, 4 s, 8 s … 60 s, with
 * jitter so a newsroom's tabs do not retry in step) and go at once when the browser says it is
 * online again. Pure apart from the timers, which are injected for the tests.
 */

export const RETRY_FIRST_MS = 2_000;
export const RETRY_MAX_MS = 60_000;

/** True when a failed call never reached a working server: retrying later may succeed. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && [0, 502, 503, 504].includes(error.status);
}

/** Wait before retry `attempt` (1, 2, …): doubling from 2 s, at most 60 s, ±20 % jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RetryQueue {
  /** A save could not reach the server: try again later (each time waiting longer); the wait in ms. */
  failed(): number;
  /** A save went through, or failed for a reason a retry cannot fix: nothing is owed any more. */
  settled(): void;
  /** The browser is online again: an owed save goes now instead of at its scheduled time. */
  online(): void;
  /** Failed attempts since the last settled save (0: nothing owed). */
  readonly attempts: number;
  dispose(): void;
}

export function createRetryQueue(options: {
  /** Sends the story as it is now (the editor's save). */
  send: () => Promise<unknown>;
  timers?: Timers;
  random?: () => number;
}): RetryQueue {
  const timers = options.timers ?? browserTimers;
  let attempts = 0;
  let handle: unknown = null;
  const clear = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
  const fire = () => {
    handle = null;
    void options.send();
  };
  return {
    failed() {
      attempts += 1;
      clear();
      const ms = retryDelayMs(attempts, options.random);
      handle = timers.set(fire, ms);
      return ms;
    },
    settled() {
      attempts = 0;
      clear();
    },
    online() {
      if (attempts === 0) return;
      clear();
      fire();
    },
    get attempts() {
      return attempts;
    },
    dispose() {
      clear();
    },
  };
}
