import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import type { Article } from "../../core/article.ts";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

const NOW = new Date("2026-11-26T05:00:00Z");

describe("Topik Pilihan: curated topics with a timeline, feed and labels", () => {
  let ctx: ApiTestContext;
  let editor: Session;
  let writer: Session;
  let older: Article;
  let newer: Article;
  let scheduled: Article;
  let draft: Article;
  let topicId: number;
  const get = (url: string) => ctx.app.inject({ method: "GET", url });
  const send = (
    session: Session,
    method: "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    payload?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse> =>
    ctx.app.inject({ method, url: `/api/v1${url}`, headers: session.write, ...(payload ? { payload } : {}) });
  const pageOf = async (article: Article) => {
    const model = await ctx.deps.reading.articlePage(article.id);
    assert.ok(model, "the story is live");
    return model.url;
  };

  before(async () => {
    ctx = await createApiContext({ now: NOW });
    const { deps } = ctx;
    const section = await buildSection(deps, { name: "Nasional", slug: "nasional" });
    editor = await ctx.login((await ctx.user("editor")).email);
    writer = await ctx.login((await ctx.user("penulis")).email);
    older = await buildArticle(deps, {
      headline: "Banjir Mulai Menggenangi Pesisir",
      lede: "Air laut pasang sejak Senin.",
      sectionId: section.id,
      publishedAt: new Date("2026-11-20T01:00:00Z"),
    });
    newer = await buildArticle(deps, {
      headline: "Pengungsi Banjir Pesisir Bertambah",
      sectionId: section.id,
      publishedAt: new Date("2026-11-25T03:00:00Z"),
    });
    scheduled = await buildArticle(deps, {
      headline: "Embargo Banjir Pesisir Besok",
      sectionId: section.id,
      status: "scheduled",
      publishedAt: new Date("2026-11-27T00:00:00Z"),
    });
    draft = await buildArticle(deps, {
      headline: "Tanggul Darurat Selesai Dibangun",
      sectionId: section.id,
      status: "draft",
    });
  });

  after(() => ctx.close());

  it("lets editors create and edit topics and attach stories through the API, in Indonesian on errors", async () => {
    assert.equal((await send(writer, "POST", "/topics", { title: "Banjir Pesisir" })).statusCode, 403);
    const bad = await send(editor, "POST", "/topics", { title: " ", slug: "Bukan Slug" });
    assert.equal(bad.statusCode, 422, bad.body);
    const fields = new Map(
      (bad.json().errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    assert.equal(fields.get("body.title"), "Judul topik wajib diisi.");
    assert.equal(fields.get("body.slug"), "Slug hanya huruf kecil, angka dan tanda hubung.");

    const created = await send(editor, "POST", "/topics", {
      title: "Banjir Pesisir Utara",
      intro: "Liputan berkelanjutan banjir rob di pesisir utara Jawa.",
      pinnedArticleId: older.id,
    });
    assert.equal(created.statusCode, 201, created.body);
    const topic = created.json();
    topicId = topic.id;
    assert.equal(topic.slug, "banjir-pesisir-utara");
    assert.deepEqual(topic.articleIds, [older.id], "the pinned story belongs to the topic");
    assert.equal((await send(editor, "POST", "/topics", { title: "Banjir Pesisir Utara" })).statusCode, 409);

    for (const story of [newer, scheduled, draft])
      assert.equal((await send(editor, "PUT", `/topics/${topicId}/articles/${story.id}`)).statusCode, 204);
    assert.equal((await send(editor, "PUT", `/topics/${topicId}/articles/999999`)).statusCode, 404);
    assert.equal((await send(writer, "PUT", `/topics/${topicId}/articles/${newer.id}`)).statusCode, 403);
    const read = await ctx.app.inject({
      url: `/api/v1/topics/${topicId}`,
      headers: { cookie: editor.cookie },
    });
    assert.deepEqual(
      read.json().articleIds,
      [older.id, newer.id, scheduled.id, draft.id].sort((a, b) => a - b),
    );
    assert.equal((await get(`/api/v1/topics/${topicId}`)).statusCode, 401);

    const doc = (await get("/api/v1/openapi.json")).json() as { paths: Record<string, unknown> };
    for (const path of ["/api/v1/topics", "/api/v1/topics/{id}", "/api/v1/topics/{id}/articles/{articleId}"])
      assert.ok(doc.paths[path], `${path} in the OpenAPI document`);
  });

  it("shows the topic page: title, intro, pinned story, dated timeline newest first, nothing before its time", async () => {
    const page = await get("/topik/banjir-pesisir-utara");
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<h1>Banjir Pesisir Utara<\/h1>\s*<p class="lede">Liputan berkelanjutan banjir rob/,
    );
    assert.match(
      page.body,
      /<section class="topic-pinned"[^>]*><h2 id="sorotan">Sorotan<\/h2>[\s\S]*Banjir Mulai Menggenangi Pesisir/,
    );
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(page.body)?.[1] ?? "";
    assert.match(
      timeline,
      /<time datetime="2026-11-25T10:00:00\+07:00">[^<]+<\/time>[\s\S]*Pengungsi Banjir Pesisir Bertambah/,
    );
    assert.ok(!timeline.includes("Banjir Mulai Menggenangi"), "the pinned story is not repeated");
    for (const hidden of ["Embargo Banjir Pesisir Besok", "Tanggul Darurat"])
      assert.ok(!page.body.includes(hidden), hidden);
    assert.match(
      page.body,
      /<link rel="alternate" type="application\/rss\+xml" title="Banjir Pesisir Utara \(RSS\)" href="\/feed\/topik\/banjir-pesisir-utara\/rss\.xml">/,
    );
    assert.equal((await get("/topik/tidak-ada")).statusCode, 404);
    assert.equal((await get("/topik/banjir-pesisir-utara?halaman=x")).statusCode, 400);
  });

  it("follows the topic in RSS ('Ikuti perkembangan'), lists it at /topik and labels its stories", async () => {
    const rss = await get("/feed/topik/banjir-pesisir-utara/rss.xml");
    assert.equal(rss.statusCode, 200);
    assert.match(String(rss.headers["content-type"]), /application\/rss\+xml/);
    const titles = [...rss.body.matchAll(/<item>[\s\S]*?<title>([^<]+)<\/title>/g)].map((m) => m[1]);
    assert.deepEqual(titles, ["Pengungsi Banjir Pesisir Bertambah", "Banjir Mulai Menggenangi Pesisir"]);
    assert.equal((await get("/feed/topik/tidak-ada/rss.xml")).statusCode, 404);

    const list = await get("/topik");
    assert.match(list.body, /<a href="\/topik\/banjir-pesisir-utara">Banjir Pesisir Utara<\/a>/);
    const story = await get(await pageOf(newer));
    assert.match(
      story.body,
      /<p class="topic-label">Topik: <a href="\/topik\/banjir-pesisir-utara">Banjir Pesisir Utara<\/a><\/p>/,
    );
    assert.ok(String(story.headers["surrogate-key"]).split(" ").includes(`topic-label:${topicId}`));
  });

  it("updates the topic page when one of its stories is published, and story pages when the topic is renamed", async () => {
    assert.equal((await get("/topik/banjir-pesisir-utara")).headers["x-cache"], "HIT");
    await ctx.deps.articles.transition(draft.id, "publish", SYSTEM_ACTOR);
    const after = await get("/topik/banjir-pesisir-utara");
    assert.equal(after.headers["x-cache"], "MISS", "the publish purged topic:ID");
    assert.match(after.body, /Tanggul Darurat Selesai Dibangun/);
    const feed = await get("/feed/topik/banjir-pesisir-utara/rss.xml");
    assert.match(feed.body, /Tanggul Darurat Selesai Dibangun/);

    const url = await pageOf(newer);
    await get(url); // cached again after the publish (a newest story's page lists TERBARU inline)
    assert.equal((await get(url)).headers["x-cache"], "HIT");
    const renamed = await send(editor, "PATCH", `/topics/${topicId}`, { title: "Banjir Rob Pantura" });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal(renamed.json().slug, "banjir-pesisir-utara", "the URL stays");
    const story = await get(url);
    assert.equal(story.headers["x-cache"], "MISS");
    assert.match(story.body, /Topik: <a href="\/topik\/banjir-pesisir-utara">Banjir Rob Pantura<\/a>/);
  });

  it("shows a scheduled story in its topic only from its time on", async () => {
    ctx.setNow(new Date("2026-11-27T00:00:01Z"));
    try {
      await ctx.deps.newsroom.scheduler.tick();
      const page = await get("/topik/banjir-pesisir-utara?halaman=1");
      assert.match(page.body, /Embargo Banjir Pesisir Besok/);
    } finally {
      ctx.setNow(NOW);
    }
  });

  it("takes a story out of a topic, and deletes a topic without its stories", async () => {
    assert.equal((await send(editor, "DELETE", `/topics/${topicId}/articles/${newer.id}`)).statusCode, 204);
    assert.ok(!(await get("/topik/banjir-pesisir-utara")).body.includes("Pengungsi Banjir"));
    assert.ok(!(await get(await pageOf(newer))).body.includes('class="topic-label"'));
    assert.equal((await send(editor, "DELETE", `/topics/${topicId}`)).statusCode, 204);
    assert.equal((await get("/topik/banjir-pesisir-utara")).statusCode, 404);
    assert.equal((await get(await pageOf(older))).statusCode, 200);
  });
});
