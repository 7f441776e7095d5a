import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../lib/api.ts";
import { createRetryQueue, isUnreachable, retryDelayMs, RETRY_MAX_MS, type Timers } from "./save-retry.ts";

/** Timers run by hand: `due()` lists the waits set and not cleared, `runAll()` fires them. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, { run: () => void; ms: number }>();
  const timers: Timers = {
    set(run, ms) {
      pending.set(next, { run, ms });
      return next++;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    due: () => [...pending.values()].map((p) => p.ms),
    runAll() {
      const runs = [...pending.values()];
      pending.clear();
      for (const p of runs) p.run();
    },
  };
}

describe("save retry queue", () => {
  it("treats only unreachable servers as worth retrying", () => {
    const error = (status: number) => new ApiError({ status, code: `http_${status}` });
    assert.equal(isUnreachable(error(0)), true, "no network");
    for (const status of [502, 503, 504]) assert.equal(isUnreachable(error(status)), true, String(status));
    for (const status of [400, 401, 403, 409, 422, 500])
      assert.equal(isUnreachable(error(status)), false, String(status));
    assert.equal(isUnreachable(new Error("boom")), false);
  });

  it("backs off by doubling from 2 s up to a minute, with bounded jitter", () => {
    const middle = () => 0.5;
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 12].map((n) => retryDelayMs(n, middle)),
      [2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000],
    );
    assert.equal(
      retryDelayMs(1, () => 0),
      1600,
    );
    assert.equal(
      retryDelayMs(1, () => 1),
      2400,
    );
    assert.ok(retryDelayMs(40, () => 1) <= RETRY_MAX_MS * 1.2);
  });

  it("retries after each failure, longer each time, and stops once settled", async () => {
    const clock = manualTimers();
    let sent = 0;
    const queue = createRetryQueue({ send: async () => sent++, timers: clock.timers, random: () => 0.5 });
    assert.equal(queue.failed(), 2000);
    assert.deepEqual(clock.due(), [2000]);
    clock.runAll();
    assert.equal(sent, 1);
    assert.equal(queue.failed(), 4000, "the retry failed too");
    assert.deepEqual(clock.due(), [4000], "one timer at a time");
    queue.settled();
    assert.deepEqual(clock.due(), []);
    assert.equal(queue.attempts, 0);
    assert.equal(queue.failed(), 2000, "a later failure starts again from the first wait");
  });

  it("sends at once when the browser is back online, and only if a save is owed", () => {
    const clock = manualTimers();
    let sent = 0;
    const queue = createRetryQueue({ send: async () => sent++, timers: clock.timers, random: () => 0.5 });
    queue.online();
    assert.equal(sent, 0, "nothing owed");
    queue.failed();
    queue.failed();
    queue.online();
    assert.equal(sent, 1);
    assert.deepEqual(clock.due(), [], "the scheduled retry is replaced by the immediate one");
    assert.equal(queue.attempts, 2, "still owed until the save settles");
    queue.dispose();
  });
});
