import { AppError } from "../../core/errors.ts";

/**
 * Another process (a CLI import, a reindex, a second server) may hold SQLite's write lock. Waiting
 * for it inside SQLite (`busy_timeout`) blocks the whole event loop, so every connection waits
 * only a few milliseconds there and the waiting is done here, asynchronously, with backoff. When
 * the store stays locked past the budget the caller gets `unavailable` (503 + Retry-After).
 */
export const BUSY_TIMEOUT_MS = 5;
export const BUSY_BUDGET_MS = 3_000;
export const BUSY_RETRY_AFTER_SECONDS = 2;

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

/** True for SQLITE_BUSY / SQLITE_LOCKED and their extended codes. */
export function isBusyError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ((error as { code?: unknown }).code === "unavailable") return true; // retryWhileBusy gave up
  const errcode = (error as { errcode?: unknown }).errcode;
  if (typeof errcode === "number") {
    const primary = errcode & 0xff;
    return primary === SQLITE_BUSY || primary === SQLITE_LOCKED;
  }
  return /database is locked|database table is locked/i.test(String((error as Error).message));
}

export function storeBusy(cause?: unknown): AppError {
  return new AppError(
    "unavailable",
    "Basis data sedang sibuk (ada proses lain yang sedang menulis). Coba lagi dalam beberapa detik.",
    { extra: { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS }, cause },
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Time this process spent waiting for another process's write lock (store metrics, /metrics). */
export const busyWaits = { seconds: 0 };

/**
 * Runs `work` (synchronous SQLite calls), retrying after an asynchronous pause while the database
 * is busy; `unavailable` once `budgetMs` has passed.
 */
export async function retryWhileBusy<T>(work: () => T, budgetMs: number = BUSY_BUDGET_MS): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (Date.now() >= deadline) throw storeBusy(error);
      const pause = Math.min(5 * 2 ** attempt, 100);
      busyWaits.seconds += pause / 1000;
      await sleep(pause);
    }
  }
}
