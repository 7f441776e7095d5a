import type { LiveBlogsService } from "./live-blogs.service.ts";

/** How often every node looks for scheduled entries (also those scheduled on other nodes). */
export const RELEASE_LOOK_EVERY_MS = 1_000;
/** The precise timer waits at most this long; the look re-arms it anyway. */
const MAX_TIMER_MS = 60_000;

/**
 * Releases scheduled live entries at their time, on every node (docs/reader-features.md):
 *
 * - every `everyMs` (1 s) a look — one query over the partial index of pending entries, a few rows
 *   whatever the number of entries ever posted — releases what is due and returns when the next
 *   one is due;
 * - a precise timer fires at that time, so an entry scheduled (or moved) more than a second ahead
 *   reaches readers within milliseconds of its time on whichever node gets there first; the look
 *   covers entries scheduled on other nodes and anything a timer missed.
 *
 * Several nodes may run it: each entry is released once (a conditional UPDATE). Returns the stop.
 */
export function releaseScheduledEntries(
  service: Pick<LiveBlogsService, "releaseDue">,
  clock: () => Date,
  onError: (error: unknown) => void,
  everyMs = RELEASE_LOOK_EVERY_MS,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let precise: NodeJS.Timeout | null = null;
  let stopped = false;

  function arm(nextAt: Date | null): void {
    if (precise) clearTimeout(precise);
    precise = null;
    if (nextAt === null || stopped) return;
    const delay = Math.min(Math.max(0, nextAt.getTime() - clock().getTime()) + 5, MAX_TIMER_MS);
    precise = setTimeout(look, delay);
    precise.unref();
  }

  function look(): void {
    if (running || stopped) return;
    running = service
      .releaseDue()
      .then(({ nextAt }) => arm(nextAt), onError)
      .finally(() => {
        running = null;
      });
  }

  const loop = setInterval(look, everyMs);
  loop.unref();
  look(); // at start: what fell due while no node ran, and the timer for the next one
  return async () => {
    stopped = true;
    clearInterval(loop);
    if (precise) clearTimeout(precise);
    await running;
  };
}
