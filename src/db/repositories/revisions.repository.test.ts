import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Article } from "../../core/article.ts";
import { revisionSnapshotOf, type RevisionSnapshot } from "../../core/revision.ts";
import { paragraph } from "../../content/body.schema.ts";
import { insertArticle, openTestStore, type TestStore } from "../store.test-support.ts";
import { createRevisionsRepository, type NewRevision } from "./revisions.repository.ts";

const revisions = createRevisionsRepository();

describe("revisions repository", () => {
  let t: TestStore;
  let article: Article;
  let snapshot: RevisionSnapshot;
  before(async () => {
    t = await openTestStore();
    article = await insertArticle(t.store.db);
    snapshot = revisionSnapshotOf(article);
  });
  after(() => t.close());

  const revision = (overrides: Partial<NewRevision>): NewRevision => ({
    articleId: article.id,
    kind: "save",
    restoredFrom: null,
    snapshot,
    changed: [],
    actorUserId: null,
    actorLabel: "Sistem",
    createdAt: new Date("2026-12-01T01:00:00.000Z"),
    ...overrides,
  });

  it("numbers revisions 1, 2, 3… per article and reads each back with its snapshot", async () => {
    const first = await revisions.insert(
      t.store.db,
      revision({ kind: "create", changed: ["headline", "body"] }),
    );
    const edited: RevisionSnapshot = {
      ...snapshot,
      headline: "Judul baru",
      body: { version: 1, blocks: [paragraph("Isi yang diubah.")] },
    };
    const second = await revisions.insert(
      t.store.db,
      revision({
        snapshot: edited,
        changed: ["headline", "body"],
        createdAt: new Date("2026-12-01T02:00:00.000Z"),
      }),
    );
    const third = await revisions.insert(
      t.store.db,
      revision({ kind: "restore", restoredFrom: first.number, changed: ["headline", "body"] }),
    );
    assert.deepEqual([first.number, second.number, third.number], [1, 2, 3]);

    // Another article starts again at 1.
    const other = await insertArticle(t.store.db, { slug: "lain" });
    const otherFirst = await revisions.insert(t.store.db, revision({ articleId: other.id, kind: "create" }));
    assert.equal(otherFirst.number, 1);

    const read = await revisions.byNumber(t.store.db, article.id, 2);
    assert.deepEqual(read, { ...second, snapshot: edited });
    assert.deepEqual(await revisions.byId(t.store.db, third.id), { ...third, snapshot });
    assert.equal(third.kind, "restore");
    assert.equal(third.restoredFrom, 1);
    assert.deepEqual(await revisions.latest(t.store.db, article.id), { ...third, snapshot });
    assert.equal(await revisions.byNumber(t.store.db, article.id, 99), null);
    assert.equal(await revisions.latest(t.store.db, other.id + 1000), null);
  });

  it("lists an article's revisions newest first, without snapshots", async () => {
    const list = await revisions.list(t.store.db, article.id);
    assert.deepEqual(
      list.map((r) => [r.number, r.kind, r.changed]),
      [
        [3, "restore", ["headline", "body"]],
        [2, "save", ["headline", "body"]],
        [1, "create", ["headline", "body"]],
      ],
    );
    assert.ok(list.every((r) => !("snapshot" in r)));
    assert.deepEqual(list[1]!.createdAt, new Date("2026-12-01T02:00:00.000Z"));
  });

  it("keeps one staged revision per article, replaced and cleared", async () => {
    const staged = await revisions.insert(t.store.db, revision({ kind: "staged", changed: ["lede"] }));
    assert.equal(await revisions.staged(t.store.db, article.id), null);
    const stagedAt = new Date("2026-12-02T03:04:05.678Z");
    await revisions.setStaged(t.store.db, {
      articleId: article.id,
      revisionId: staged.id,
      substantive: true,
      stagedAt,
    });
    assert.deepEqual(await revisions.staged(t.store.db, article.id), {
      articleId: article.id,
      revisionId: staged.id,
      substantive: true,
      stagedAt,
    });
    const again = await revisions.insert(t.store.db, revision({ kind: "staged", changed: ["lede"] }));
    await revisions.setStaged(t.store.db, {
      articleId: article.id,
      revisionId: again.id,
      substantive: false,
      stagedAt,
    });
    assert.deepEqual(await revisions.staged(t.store.db, article.id), {
      articleId: article.id,
      revisionId: again.id,
      substantive: false,
      stagedAt,
    });
    await revisions.clearStaged(t.store.db, article.id);
    assert.equal(await revisions.staged(t.store.db, article.id), null);
  });

  it("writes the workflow log and reads it back in order", async () => {
    await revisions.logStep(t.store.db, {
      articleId: article.id,
      action: "submit",
      from: "draft",
      to: "in_review",
      note: null,
      actorUserId: null,
      actorLabel: "Penulis",
      at: new Date("2026-12-01T03:00:00.000Z"),
    });
    await revisions.logStep(t.store.db, {
      articleId: article.id,
      action: "requestChanges",
      from: "in_review",
      to: "draft",
      note: "Sumber kedua belum ada.",
      actorUserId: null,
      actorLabel: "Redaktur",
      at: new Date("2026-12-01T04:00:00.000Z"),
    });
    const log = await revisions.workflowLog(t.store.db, article.id);
    assert.deepEqual(
      log.map(({ id: _id, ...step }) => step),
      [
        {
          articleId: article.id,
          action: "submit",
          from: "draft",
          to: "in_review",
          note: null,
          actorUserId: null,
          actorLabel: "Penulis",
          at: new Date("2026-12-01T03:00:00.000Z"),
        },
        {
          articleId: article.id,
          action: "requestChanges",
          from: "in_review",
          to: "draft",
          note: "Sumber kedua belum ada.",
          actorUserId: null,
          actorLabel: "Redaktur",
          at: new Date("2026-12-01T04:00:00.000Z"),
        },
      ],
    );
    assert.ok(log[0]!.id < log[1]!.id);
  });
});
