import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { BodyDocument } from "../../content/body.schema.ts";
import { buildArticle, buildImage, buildPerson, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

/** The `<article>` element of a site page: what the story itself looks like. */
const articleElement = (page: string) => /<article class="article">[\s\S]*?<\/article>/.exec(page)?.[0] ?? "";

/**
 * GET /api/v1/articles/:id/preview: the editor's "Pratinjau" — the working copy rendered by the
 * site's own templates, for signed-in staff only, never cached, never indexed.
 */
describe("the newsroom preview of a story through the site renderer", () => {
  let ctx: ApiTestContext;
  let writer: Session;
  let editor: Session;
  let draftId: number;
  let photoId: number;
  let linkedHeadline: string;

  const get = (url: string, session?: Session) =>
    ctx.app.inject({ method: "GET", url, headers: session ? { cookie: session.cookie } : {} });

  before(async () => {
    ctx = await createApiContext();
    const section = await buildSection(ctx.deps, { name: "Metropolitan", slug: "metropolitan" });
    const person = await buildPerson(ctx.deps, { name: "Rina Wulandari" });
    writer = await ctx.login((await ctx.user("penulis", { personId: person.id })).email);
    editor = await ctx.login((await ctx.user("editor")).email);
    const linked = await buildArticle(ctx.deps, {
      headline: "Banjir rob merendam pesisir",
      sectionId: section.id,
    });
    linkedHeadline = linked.headline;
    photoId = (await buildImage(ctx.deps, { alt: "Perahu karet di jalan", width: 640, height: 360 })).id;
    const body: BodyDocument = {
      version: 1,
      blocks: [
        { type: "paragraph", content: [{ text: "Air Sungai Ciliwung naik sejak pagi." }] },
        { type: "image", mediaId: photoId, caption: "Warga dievakuasi.", credit: "Foto: Rina" },
        { type: "related", articleId: linked.id },
        {
          type: "embed",
          provider: "youtube",
          url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
          title: "Banjir dari udara",
        },
      ],
    };
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/articles",
      headers: writer.write,
      payload: {
        headline: "Warga Kampung Melayu mulai mengungsi",
        sectionId: section.id,
        lede: "Ratusan warga meninggalkan rumah.",
        body,
        credits: [{ role: "penulis", personId: person.id }],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    draftId = (created.json() as { id: number }).id;
  });
  after(() => ctx.close());

  it("shows a draft with the site's templates: text, photo as <picture>, Baca Juga, embed, byline", async () => {
    const response = await get(`/api/v1/articles/${draftId}/preview`, writer);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers["content-type"]), /^text\/html/);
    const page = response.body;
    assert.match(page, /<h1[^>]*>Warga Kampung Melayu mulai mengungsi<\/h1>/);
    assert.match(page, /Air Sungai Ciliwung naik sejak pagi\./);
    assert.match(
      page,
      new RegExp(`<picture>[\\s\\S]*?/media/${photoId}/[\\s\\S]*?alt="Perahu karet di jalan"`),
    );
    assert.match(page, /Warga dievakuasi\./);
    assert.match(page, new RegExp(`Baca Juga[\\s\\S]*?${linkedHeadline}`));
    assert.match(page, /youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
    assert.match(page, /Rina Wulandari/);
    // The public page of the draft does not exist.
    const { url } = (await get(`/api/v1/articles/${draftId}`, writer)).json() as { url: string };
    assert.equal((await get(url)).statusCode, 404);
  });

  it("is never cached or indexed, carries the site's Content-Security-Policy, and counts no read", async () => {
    const response = await get(`/api/v1/articles/${draftId}/preview`, editor);
    assert.equal(response.headers["cache-control"], "no-store");
    assert.equal(response.headers["x-robots-tag"], "noindex");
    assert.match(response.body, /<meta name="robots" content="noindex">/);
    assert.equal(
      response.headers["surrogate-key"],
      undefined,
      "no surrogate key: the page cache keeps nothing",
    );
    assert.doesNotMatch(response.body, /data-view-beacon/);
    const site = await get("/");
    assert.equal(response.headers["content-security-policy"], site.headers["content-security-policy"]);
    // The body's YouTube player may load in it (and on the public page).
    assert.match(
      String(response.headers["content-security-policy"]),
      /frame-src https:\/\/www\.youtube-nocookie\.com/,
    );
    const again = await get(`/api/v1/articles/${draftId}/preview`, editor);
    assert.notEqual(again.headers["x-cache"], "HIT");
  });

  it("is for signed-in staff only: anonymous 401 problem+json, unknown story 404", async () => {
    const anonymous = await get(`/api/v1/articles/${draftId}/preview`);
    assert.equal(anonymous.statusCode, 401);
    assert.match(String(anonymous.headers["content-type"]), /application\/problem\+json/);
    assert.doesNotMatch(anonymous.body, /Kampung Melayu/);
    const missing = await get(`/api/v1/articles/999999/preview`, editor);
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers["content-type"]), /application\/problem\+json/);
  });

  it("shows a live story's staged update, while the public page keeps the published text", async () => {
    const section = await buildSection(ctx.deps, { name: "Ekonomi", slug: "ekonomi" });
    const live = await buildArticle(ctx.deps, { headline: "Harga cabai naik", sectionId: section.id });
    const current = await get(`/api/v1/articles/${live.id}`, editor);
    const dto = current.json() as { url: string; body: BodyDocument; headline: string };
    const publicPage = (await get(dto.url)).body;
    // Before any change the preview shows the story exactly as its public page does.
    const unchanged = (await get(`/api/v1/articles/${live.id}/preview`, editor)).body;
    assert.ok(articleElement(publicPage).length > 0);
    assert.equal(articleElement(unchanged), articleElement(publicPage));

    const staged = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/articles/${live.id}`,
      headers: { ...editor.write, "if-match": String(current.headers.etag) },
      payload: {
        headline: "Harga cabai turun lagi",
        sectionId: section.id,
        body: dto.body,
      },
    });
    assert.equal(staged.statusCode, 200, staged.body);
    const preview = (await get(`/api/v1/articles/${live.id}/preview`, editor)).body;
    assert.match(preview, /Harga cabai turun lagi/);
    const stillPublic = (await get(dto.url)).body;
    assert.match(stillPublic, /Harga cabai naik/);
    assert.doesNotMatch(stillPublic, /Harga cabai turun lagi/);
  });

  it("is described in the OpenAPI document as an HTML page", async () => {
    const doc = (await get("/api/v1/openapi.json")).json() as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const operation = doc.paths["/api/v1/articles/{id}/preview"]?.get;
    assert.ok(operation, "documented");
    assert.ok(operation.responses["200"]?.content?.["text/html"], "200 is text/html");
  });
});
