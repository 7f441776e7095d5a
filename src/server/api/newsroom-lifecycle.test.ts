import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import type { Person } from "../../core/person.ts";
import type { Section } from "../../core/section.ts";
import type { Tag } from "../../core/tag.ts";
import { articleSitemapPath, NEWS_SITEMAP_PATH } from "../../core/urls.ts";
import { bodyOf, buildPerson, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

/**
 * Acceptance (issue #4): one story's whole life over HTTP, asserting what every door shows at
 * every step. The marker word is unique, so a door "shows" the story when the word is there.
 */
const MARKER = "Zorblux";
const START = new Date("2026-03-10T02:00:00.000Z");

type Door =
  | "article page"
  | "home"
  | "section"
  | "tag"
  | "person"
  | "content API list"
  | "content API article"
  | "anonymous newsroom API"
  | "feed"
  | "news sitemap"
  | "article sitemap"
  | "site search"
  | "search API";

describe("newsroom lifecycle: draft → review → changes → schedule → live → staged update → correction → unpublish", () => {
  let ctx: ApiTestContext;
  let section: Section;
  let tag: Tag;
  let writerPerson: Person;
  let writer: Session;
  let editor: Session;
  let id = 0;
  let url = "";

  const get = (path: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: "GET", url: path, headers });

  /** Every door, and whether it shows the story now. */
  async function doors(text = MARKER): Promise<Record<Door, boolean>> {
    const has = async (path: string) => {
      const response = await get(path);
      return response.statusCode === 200 && response.body.includes(text);
    };
    const month = ctx.deps.clock().toISOString().slice(0, 7);
    return {
      "article page": url !== "" && (await has(url)),
      home: await has("/"),
      section: await has(`/${section.slug}`),
      tag: await has(`/tag/${tag.slug}`),
      person: await has(`/profil/${writerPerson.slug}`),
      "content API list": await has("/api/v1/content/articles"),
      "content API article": id > 0 && (await has(`/api/v1/content/articles/${id}`)),
      "anonymous newsroom API": id > 0 && (await has(`/api/v1/articles/${id}`)),
      feed: await has("/feed/rss.xml"),
      "news sitemap": await has(NEWS_SITEMAP_PATH),
      // A sitemap lists URLs, not text: it shows the story when it lists its URL.
      "article sitemap":
        url !== "" && (await get(articleSitemapPath(month))).body.includes(text === MARKER ? url : text),
      "site search": await has(`/cari?q=${MARKER.toLowerCase()}`),
      "search API": await has(`/api/v1/search?q=${MARKER.toLowerCase()}`),
    };
  }

  function assertDoors(actual: Record<Door, boolean>, visible: boolean, step: string) {
    // Search has an adapter on both stores (FTS5, tsvector), so its doors are expected everywhere.
    const shows = (door: string) => (door === "anonymous newsroom API" ? false : visible);
    const expected = Object.fromEntries(Object.keys(actual).map((door) => [door, shows(door)]));
    assert.deepEqual(actual, expected, `${step}: doors`);
  }

  const send = (method: "POST" | "PUT", path: string, session: Session, payload: unknown, ifMatch?: string) =>
    ctx.app.inject({
      method,
      url: path,
      payload: payload as Record<string, unknown>,
      headers: { ...session.write, ...(ifMatch ? { "if-match": ifMatch } : {}) },
    });

  const transition = (session: Session, payload: Record<string, unknown>) =>
    send("POST", `/api/v1/articles/${id}/transitions`, session, payload);

  before(async () => {
    ctx = await createApiContext({ now: START });
    section = await buildSection(ctx.deps, { name: "Sains", slug: "sains" });
    writerPerson = await buildPerson(ctx.deps, { name: "Rina Lestari", slug: "rina-lestari" });
    const [ensured] = await ctx.deps.tags.ensure(["Astronomi"]);
    assert.ok(ensured);
    tag = ensured;
    const writerUser = await ctx.user("penulis", { personId: writerPerson.id });
    const editorUser = await ctx.user("editor");
    writer = await ctx.login(writerUser.email);
    editor = await ctx.login(editorUser.email);
  });
  after(() => ctx.close());

  it("walks the story through its whole life", async () => {
    // 1. The writer drafts.
    const draft = {
      headline: `Komet ${MARKER} melintas dekat Bumi`,
      lede: "Para astronom mengamati komet baru.",
      sectionId: section.id,
      body: bodyOf(`Komet ${MARKER} terlihat dari Bosscha.`, "Paragraf kedua tentang orbitnya."),
      tagIds: [tag.id],
      credits: [{ role: "penulis", personId: writerPerson.id }],
    };
    const created = await send("POST", "/api/v1/articles", writer, draft);
    assert.equal(created.statusCode, 201, created.body);
    id = created.json().id;
    assert.equal(created.json().status, "draft");
    assert.equal(created.headers.etag, '"v1"');
    url = created.json().url;
    assertDoors(await doors(), false, "draft");

    // 2. … and submits.
    const submitted = await transition(writer, { action: "submit" });
    assert.equal(submitted.json().status, "in_review", submitted.body);
    // A writer cannot publish.
    assert.equal((await transition(writer, { action: "publish" })).statusCode, 403);

    // 3. The editor requests changes: a note is required and reaches the writer.
    const noNote = await transition(editor, { action: "requestChanges" });
    assert.equal(noNote.statusCode, 422);
    assert.equal(noNote.json().errors[0].field, "note");
    const back = await transition(editor, { action: "requestChanges", note: "Tambahkan sumber dari BMKG." });
    assert.equal(back.json().status, "draft");
    const log = await get(`/api/v1/articles/${id}/workflow`, { cookie: writer.cookie });
    assert.equal(log.json().items.at(-1).note, "Tambahkan sumber dari BMKG.");
    assertDoors(await doors(), false, "changes requested");

    // 4. The writer revises (optimistic save with If-Match) and resubmits.
    const current = await get(`/api/v1/articles/${id}`, { cookie: writer.cookie });
    const revised = await send(
      "PUT",
      `/api/v1/articles/${id}`,
      writer,
      { ...draft, sources: [{ name: "BMKG" }] },
      current.headers.etag as string,
    );
    assert.equal(revised.statusCode, 200, revised.body);
    assert.deepEqual(revised.json().sources, [{ name: "BMKG" }]);
    const revisions = await get(`/api/v1/articles/${id}/revisions`, { cookie: writer.cookie });
    assert.deepEqual(
      revisions
        .json()
        .items.map((r: { number: number; kind: string; changed: string[] }) => [r.number, r.kind, r.changed]),
      [
        [2, "save", ["sources"]],
        // The first revision has no predecessor: every editable field counts as changed.
        [
          1,
          "create",
          [
            "headline",
            "slug",
            "lede",
            "sectionId",
            "dateline",
            "body",
            "hero",
            "sources",
            "tagIds",
            "credits",
          ],
        ],
      ],
    );
    assert.equal((await transition(writer, { action: "submit" })).json().status, "in_review");

    // 5. The editor approves and schedules for T.
    assert.equal((await transition(editor, { action: "approve" })).json().status, "approved");
    const T = new Date(START.getTime() + 3_600_000);
    const scheduled = await transition(editor, { action: "schedule", at: T.toISOString() });
    assert.equal(scheduled.json().status, "scheduled", scheduled.body);
    assertDoors(await doors(), false, "scheduled");

    // 6. One second before T nothing shows, even after a scheduler tick.
    ctx.setNow(new Date(T.getTime() - 1000));
    assert.deepEqual(await ctx.deps.newsroom.scheduler.tick(), []);
    assertDoors(await doors(), false, "just before T");
    assert.equal((await get("/")).headers["x-cache"], "HIT", "the home page is served from the page cache");

    // 7. Just after T, the tick puts it live; lateness is recorded.
    ctx.setNow(new Date(T.getTime() + 1200));
    const published = await ctx.deps.newsroom.scheduler.tick();
    assert.deepEqual(
      published.map((p) => [p.articleId, p.latenessMs]),
      [[id, 1200]],
    );
    assertDoors(await doors(), true, "live");
    const page = await get(url);
    assert.ok(!page.body.includes("Diperbarui"), "a first publication is not an update");

    // 8. The editor stages an update: the live page does not change until it is published.
    const live = await get(`/api/v1/articles/${id}`, { cookie: editor.cookie });
    const staged = await send(
      "PUT",
      `/api/v1/articles/${id}`,
      editor,
      {
        ...draft,
        sources: [{ name: "BMKG" }],
        body: bodyOf(`Komet ${MARKER} terlihat dari Bosscha.`, "Orbitnya kini dihitung ulang: Qyvetrant."),
      },
      live.headers.etag as string,
    );
    assert.equal(staged.statusCode, 200, staged.body);
    assert.equal(staged.json().staged.revision, 3);
    assert.deepEqual(staged.json().staged.changed, ["body"]);
    assert.equal(staged.json().url, url, "the URL of a published story stays put");
    assertDoors(await doors(), true, "update staged");
    assertDoors(await doors("Qyvetrant"), false, "staged text is not live");

    ctx.setNow(new Date(T.getTime() + 7_200_000));
    const applied = await transition(editor, { action: "publish" });
    assert.equal(applied.statusCode, 200, applied.body);
    assert.equal(applied.json().staged, null);
    assert.equal(applied.json().updatedAt, ctx.deps.clock().toISOString());
    assert.ok((await get(url)).body.includes("Qyvetrant"));
    assert.ok((await get(url)).body.includes("Diperbarui"));
    assert.ok((await get(`/api/v1/content/articles/${id}`)).body.includes("Qyvetrant"));

    // 9. A correction appears on the page and in the content API.
    const correction = await send("POST", `/api/v1/articles/${id}/corrections`, editor, {
      kind: "koreksi",
      note: "Versi sebelumnya menyebut jarak 2 juta km; yang benar 4 juta km.",
    });
    assert.equal(correction.statusCode, 201, correction.body);
    const corrected = await get(url);
    assert.match(corrected.body, /<aside class="correction"[^>]*><p><strong>Koreksi<\/strong>/);
    assert.ok(corrected.body.includes("yang benar 4 juta km"));
    const content = (await get(`/api/v1/content/articles/${id}`)).json();
    assert.equal(content.corrections[0].kind, "koreksi");

    // 10. Unpublished: every door closes again (caches included).
    const withdrawn = await transition(editor, { action: "unpublish" });
    assert.equal(withdrawn.json().status, "unpublished");
    assertDoors(await doors(), false, "unpublished");

    // Every step is in the audit log, written by the use case with the request's IP (the
    // scheduler's publish has none).
    const entries = (await ctx.deps.audit.list({ resourceType: "article", limit: 50 })).reverse();
    for (const entry of entries)
      assert.equal(entry.ip, entry.actorKind === "user" ? "127.0.0.1" : null, entry.action);
    assert.deepEqual(
      entries.filter((e) => e.actorKind === "system").map((e) => [e.action, e.detail.system]),
      [["article.publish", "scheduler"]],
    );
    const actions = entries.map((e) => e.action);
    assert.deepEqual(actions, [
      "article.create",
      "article.submit",
      "article.requestChanges",
      "article.update",
      "article.submit",
      "article.approve",
      "article.schedule",
      "article.publish",
      "article.stage",
      "article.publishRevision",
      "article.correct",
      "article.unpublish",
    ]);
  });
});

describe("optimistic saves", () => {
  let ctx: ApiTestContext;
  before(async () => {
    ctx = await createApiContext();
  });
  after(() => ctx.close());

  it("answers a stale save with 409 and both versions, never overwriting", async () => {
    const section = await buildSection(ctx.deps);
    const first = await ctx.login((await ctx.user("editor")).email);
    const second = await ctx.login((await ctx.user("editor")).email);
    const input = { headline: "Judul awal", sectionId: section.id, body: bodyOf("Isi awal.") };
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/articles",
      payload: input,
      headers: first.write,
    });
    const id = created.json().id as number;
    const save = (session: Session, headline: string, version: number) =>
      ctx.app.inject({
        method: "PUT",
        url: `/api/v1/articles/${id}`,
        payload: { ...input, headline, version },
        headers: session.write,
      });
    assert.equal((await save(first, "Judul editor pertama", 1)).statusCode, 200);
    const stale = await save(second, "Judul editor kedua", 1);
    assert.equal(stale.statusCode, 409);
    assert.match(String(stale.headers["content-type"]), /application\/problem\+json/);
    const problem = stale.json();
    assert.equal(problem.code, "version_conflict");
    assert.equal(problem.submitted.headline, "Judul editor kedua");
    assert.equal(problem.submitted.version, 1);
    assert.equal(problem.current.headline, "Judul editor pertama");
    assert.equal(problem.current.version, 2);
    assert.equal((await ctx.deps.articles.get(id)).headline, "Judul editor pertama");

    // If-Match wins over a body version and works with the ETag as given.
    const viaHeader = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/articles/${id}`,
      payload: { ...input, headline: "Judul ketiga" },
      headers: { ...second.write, "if-match": '"v1"' },
    });
    assert.equal(viaHeader.statusCode, 409);
    const missing = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/articles/${id}`,
      payload: { ...input, headline: "Tanpa versi" },
      headers: second.write,
    });
    assert.equal(missing.statusCode, 422);
    assert.deepEqual(
      missing.json().errors.map((e: { field: string }) => e.field),
      ["If-Match", "body.version"],
    );
  });

  it("keeps the revision history: list, diff, restore as a new revision", async () => {
    const section = await buildSection(ctx.deps);
    const editor = await ctx.login((await ctx.user("editor")).email);
    const input = {
      headline: "Banjir di hilir",
      sectionId: section.id,
      body: bodyOf("Air naik setinggi satu meter.", "Warga mengungsi."),
    };
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/articles",
      payload: input,
      headers: editor.write,
    });
    const id = created.json().id as number;
    await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/articles/${id}`,
      payload: {
        ...input,
        headline: "Banjir besar di hilir",
        body: bodyOf("Air naik setinggi dua meter.", "Warga mengungsi."),
        version: 1,
      },
      headers: editor.write,
    });
    const diff = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/articles/${id}/revisions/1/diff/2`,
      headers: { cookie: editor.cookie },
    });
    assert.equal(diff.statusCode, 200, diff.body);
    const d = diff.json();
    assert.deepEqual(
      d.fields.map((f: { field: string }) => f.field),
      ["headline", "slug"],
    );
    assert.equal(d.fields[0].before, "Banjir di hilir");
    assert.equal(d.bodyChanged, true);
    assert.equal(d.body[0].op, "change");
    assert.deepEqual(
      d.body[0].words
        .filter((w: { op: string }) => w.op !== "equal")
        .map((w: { op: string; text: string }) => [w.op, w.text]),
      [
        ["delete", "satu"],
        ["insert", "dua"],
      ],
    );
    assert.deepEqual(d.body[1], { op: "equal", text: "Warga mengungsi." });

    const restored = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/articles/${id}/revisions/1/restore`,
      payload: { version: 2 },
      headers: editor.write,
    });
    assert.equal(restored.statusCode, 200, restored.body);
    assert.equal(restored.json().headline, "Banjir di hilir");
    const list = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/articles/${id}/revisions`,
      headers: { cookie: editor.cookie },
    });
    assert.deepEqual(
      list
        .json()
        .items.map((r: { number: number; kind: string; restoredFrom: number | null }) => [
          r.number,
          r.kind,
          r.restoredFrom,
        ]),
      [
        [3, "restore", 1],
        [2, "save", null],
        [1, "create", null],
      ],
    );
    const missing = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/articles/${id}/revisions/9`,
      headers: { cookie: editor.cookie },
    });
    assert.equal(missing.statusCode, 404);
    // Not anyone's business without an account.
    assert.equal(
      (await ctx.app.inject({ method: "GET", url: `/api/v1/articles/${id}/revisions` })).statusCode,
      401,
    );
    void SYSTEM_ACTOR;
  });
});
