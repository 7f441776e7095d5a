import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LiveEntry } from "../../core/live-blog.ts";
import { releaseScheduledEntries } from "./live-entry-release.ts";

const HOUR = 3_600_000;

/** Waits until `ready()` holds (or fails after `ms`: a generous bound, not a speed check). */
async function eventually(ready: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error("not within the time allowed");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("releaseScheduledEntries", () => {
  it("looks at start and again at the next entry's time, without waiting for the loop", async () => {
    const looks: number[] = [];
    const service = {
      async releaseDue(): Promise<{ released: LiveEntry[]; nextAt: Date | null }> {
        looks.push(Date.now());
        // The first look finds an entry due in 50 ms; the loop would look again only in an hour.
        return { released: [], nextAt: looks.length === 1 ? new Date(Date.now() + 50) : null };
      },
    };
    const stop = releaseScheduledEntries(
      service,
      () => new Date(),
      (error) => assert.ifError(error),
      HOUR,
    );
    try {
      await eventually(() => looks.length >= 2);
      assert.ok(looks[1]! - looks[0]! >= 50, "not before the entry's time");
    } finally {
      await stop();
    }
  });

  it("reports a failed look; stop waits for a look in progress", async () => {
    const errors: unknown[] = [];
    let finished = false;
    const service = {
      async releaseDue(): Promise<{ released: LiveEntry[]; nextAt: Date | null }> {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = true;
        throw new Error("store unavailable");
      },
    };
    const stop = releaseScheduledEntries(
      service,
      () => new Date(),
      (error) => errors.push(error),
      HOUR,
    );
    await stop();
    assert.equal(finished, true);
    assert.equal(errors.length, 1);
  });
});
