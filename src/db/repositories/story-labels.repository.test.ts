import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { insertArticle, openTestStore, type TestStore } from "../store.test-support.ts";
import { createFactChecksRepository } from "./fact-checks.repository.ts";
import { storyLabels } from "./story-labels.repository.ts";

const NOW = new Date("2026-12-01T12:00:00.000Z");

describe("story labels", () => {
  let t: TestStore;
  const ids = { check: 0, open: 0, closed: 0, closing: 0, plain: 0 };
  before(async () => {
    t = await openTestStore();
    const db = t.store.db;
    for (const key of Object.keys(ids) as (keyof typeof ids)[])
      ids[key] = (await insertArticle(db, { slug: key })).id;
    await createFactChecksRepository().upsert(db, {
      articleId: ids.check,
      claim: "Klaim",
      claimant: "Seseorang",
      appearance: "Video",
      appearanceUrl: null,
      claimDate: null,
      verdict: "salah",
      updatedAt: NOW,
    });
    const blog = (articleId: number, coverageEnd: string | null) => ({
      article_id: articleId,
      coverage_start: "2026-12-01T00:00:00.000Z",
      coverage_end: coverageEnd,
      updated_at: NOW.toISOString(),
    });
    await db
      .insertInto("live_blogs")
      .values([
        blog(ids.open, null),
        blog(ids.closed, "2026-12-01T06:00:00.000Z"),
        blog(ids.closing, "2026-12-01T18:00:00.000Z"),
      ])
      .execute();
  });
  after(() => t.close());

  it("labels fact-checks with their verdict and live blogs as open or closed at `now`", async () => {
    const labels = await storyLabels(t.store.db, Object.values(ids), NOW);
    assert.deepEqual(Object.fromEntries([...labels].map(([id, label]) => [id, label])), {
      [ids.check]: { kind: "verdict", verdict: "salah" },
      [ids.open]: { kind: "live", open: true },
      [ids.closed]: { kind: "live", open: false },
      [ids.closing]: { kind: "live", open: true },
    });
    assert.deepEqual(
      (await storyLabels(t.store.db, [ids.closing], new Date("2026-12-01T19:00:00.000Z"))).get(ids.closing),
      {
        kind: "live",
        open: false,
      },
    );
    assert.equal((await storyLabels(t.store.db, [], NOW)).size, 0);
  });
});
