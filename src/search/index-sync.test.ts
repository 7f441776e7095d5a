import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import { buildArticle } from "../testing/factories.ts";
import { createTestContext, type TestContext } from "../testing/test-app.ts";
import { createAnalyzer } from "./analyzer/analyzer.ts";
import { loadRootWords } from "./analyzer/root-words.ts";
import { createStemmer } from "./analyzer/stemmer.ts";
import { createIndexSync } from "./index-sync.ts";
import { createDocumentSource } from "./search-documents.ts";
import type { SearchIndex } from "./search-index.ts";

let fx: TestContext;
const analyzer = createAnalyzer({ stemmer: createStemmer({ rootWords: loadRootWords() }) });

before(async () => {
  fx = await createTestContext();
});
after(() => fx.close());

/** The real index, recording the batches that reach it. */
function recordingIndex(failOn: Set<number> = new Set()) {
  const index = fx.deps.search.index;
  const log = { upserted: [] as number[], removed: [] as number[], batches: 0 };
  const recording: SearchIndex = {
    ...index,
    name: index.name,
    async writeBatch(batch) {
      const refused = batch.upsert.find((doc) => failOn.has(doc.id));
      if (refused) throw new Error(`index refused ${refused.id}`);
      log.batches++;
      log.upserted.push(...batch.upsert.map((doc) => doc.id));
      log.removed.push(...batch.remove);
      await index.writeBatch(batch);
    },
  };
  return { index: recording, log };
}

function syncOver(index: SearchIndex, options: { delayMs?: number; errors?: number[] } = {}) {
  return createIndexSync({
    clock: fx.deps.clock,
    index,
    documents: createDocumentSource({ store: fx.deps.store, analyzer }),
    directory: () => fx.deps.sections.directory(),
    delayMs: options.delayMs ?? 60_000,
    onError: (_error, articleId) => options.errors?.push(articleId),
  });
}

describe("keeping the index in step with the store, in batches", () => {
  it("writes nothing until the batch is due, then each article as it is now", async () => {
    const [a, b] = [await buildArticle(fx.deps), await buildArticle(fx.deps)];
    const gone = await buildArticle(fx.deps);
    const draft = await buildArticle(fx.deps, { status: "draft" });
    const { index, log } = recordingIndex();
    const sync = syncOver(index);
    for (const id of [a.id, b.id, gone.id, draft.id]) sync.changed(id);
    await fx.deps.articles.transition(gone.id, "unpublish", SYSTEM_ACTOR);
    assert.deepEqual(log, { upserted: [], removed: [], batches: 0 });

    await sync.flush();
    assert.equal(log.batches, 1, "one index write for the batch");
    assert.deepEqual(log.upserted.sort(), [a.id, b.id].sort());
    assert.deepEqual(log.removed.sort(), [gone.id, draft.id].sort());
    const ids = await fx.deps.search.index.ids();
    assert.ok(ids.includes(a.id) && ids.includes(b.id));
    assert.ok(!ids.includes(gone.id) && !ids.includes(draft.id));
  });

  it("writes on its own shortly after a change, and at once when many are waiting", async () => {
    const article = await buildArticle(fx.deps);
    const soon = recordingIndex();
    syncOver(soon.index, { delayMs: 5 }).changed(article.id);
    for (let waited = 0; soon.log.upserted.length === 0 && waited < 2_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(soon.log.upserted, [article.id]);

    const many = recordingIndex();
    const sync = syncOver(many.index);
    for (let id = 1_000_001; id <= 1_000_250; id++) sync.changed(id); // ids that do not exist
    for (let waited = 0; many.log.removed.length < 250 && waited < 5_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(many.log.removed.length, 250, "the 250th change starts the write without the timer");
  });

  it("an article the index refuses is reported; the rest of its batch is written", async () => {
    const [a, refused, c] = [
      await buildArticle(fx.deps),
      await buildArticle(fx.deps),
      await buildArticle(fx.deps),
    ];
    await fx.deps.search.flush();
    await fx.deps.search.index.remove(a.id);
    await fx.deps.search.index.remove(c.id);
    const errors: number[] = [];
    const { index, log } = recordingIndex(new Set([refused.id]));
    const sync = syncOver(index, { errors });
    for (const id of [a.id, refused.id, c.id]) sync.changed(id);
    await sync.flush();
    assert.deepEqual(errors, [refused.id]);
    assert.deepEqual([...new Set(log.upserted)].sort(), [a.id, c.id].sort());
    const ids = await fx.deps.search.index.ids();
    assert.ok(ids.includes(a.id) && ids.includes(c.id));
  });
});
