import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { holdWriteLock } from "../../testing/write-lock-holder.ts";
import { sqliteBatch } from "./sqlite-batch.ts";

describe("a long job's batch on a raw SQLite connection", () => {
  it("waits for another process's write lock without blocking the event loop, then commits", async () => {
    const dir = await mkdtemp(join(tmpdir(), "warta-batch-"));
    const path = join(dir, "batch.db");
    const db = new DatabaseSync(path);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA busy_timeout = 5");
    db.exec("CREATE TABLE t (x INTEGER)");
    try {
      const holder = await holdWriteLock(path);
      const batch = sqliteBatch(db, "job");
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const begun = batch.begin();
      await new Promise((resolve) => setTimeout(resolve, 150));
      const ticksWhileWaiting = ticks;
      await holder.release();
      await begun;
      clearInterval(timer);
      assert.ok(ticksWhileWaiting >= 3, `timers ran while the batch waited (${ticksWhileWaiting})`);
      db.exec("INSERT INTO t VALUES (1)");
      batch.commit();
      assert.equal(db.isTransaction, false);
      assert.deepEqual({ ...(db.prepare("SELECT count(*) AS n FROM t").get() as object) }, { n: 1 });
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
