import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describeIndexContract } from "../index-contract.test-support.ts";
import { createFts5SearchIndex } from "./fts5.index.ts";

describeIndexContract("FTS5", async () => {
  const dir = mkdtempSync(join(tmpdir(), "warta-fts5-"));
  const db = new DatabaseSync(join(dir, "index.db"));
  return {
    index: createFts5SearchIndex(db),
    newsroom: () => createFts5SearchIndex(db, "newsroom"),
    close: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
