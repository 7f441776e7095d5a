import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";
import { buildArticle, buildPerson } from "../../testing/factories.ts";
import { multipartBody, solidJpeg } from "../../testing/image-fixtures.ts";

/** The library the admin uses: search, usage, edit, replace (references kept), delete when unused. */
describe("media library API", () => {
  let ctx: ApiTestContext;
  let writer: Session;
  let editor: Session;

  before(async () => {
    ctx = await createApiContext();
    writer = await ctx.login((await ctx.user("penulis")).email);
    editor = await ctx.login((await ctx.user("editor")).email);
  });
  after(async () => ctx.close());

  const call = (
    method: "GET" | "PATCH" | "DELETE" | "PUT",
    url: string,
    session: Session,
    payload?: unknown,
  ) =>
    ctx.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: method === "GET" ? { cookie: session.cookie } : session.write,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const store = async (
    colour: string,
    fields: { caption?: string; credit?: string; alt?: string; keywords?: string[] },
  ) => ctx.deps.media.storeImage({ bytes: await solidJpeg(64, 48, colour), ...fields }, SYSTEM_ACTOR);

  it("search matches caption, credit, alt text and keywords, case-insensitively", async () => {
    const flood = await store("#111111", { caption: "Banjir di Kampung Melayu", credit: "Antara" });
    const volcano = await store("#222222", { alt: "Asap Gunung Merapi", keywords: ["erupsi", "Yogyakarta"] });
    const ids = async (q: string) =>
      (await call("GET", `/media?q=${encodeURIComponent(q)}`, writer))
        .json()
        .items.map((m: { id: number }) => m.id);
    assert.deepEqual(await ids("banjir"), [flood.id]);
    assert.deepEqual(await ids("ANTARA"), [flood.id]);
    assert.deepEqual(await ids("merapi"), [volcano.id]);
    assert.deepEqual(await ids("yogyakarta"), [volcano.id]);
    assert.deepEqual(await ids("banjir merapi"), [], "every word must match");
    assert.deepEqual(await ids("100%"), []);
  });

  it("usage lists the articles (hero or body) and profiles; delete refuses while used, then works", async () => {
    const photo = await store("#333333", { caption: "Dipakai" });
    const portrait = await store("#444444", { caption: "Potret" });
    const story = await buildArticle(ctx.deps, {
      headline: "Cerita bergambar",
      body: { version: 1, blocks: [{ type: "image", mediaId: photo.id }] },
      status: "draft",
    });
    const person = await buildPerson(ctx.deps, { name: "Rina Kusuma", photoMediaId: portrait.id });
    const usage = (await call("GET", `/media/${photo.id}/usage`, writer)).json();
    assert.deepEqual(
      usage.articles.map((a: { id: number }) => a.id),
      [story.id],
    );
    assert.deepEqual(usage.people, []);
    assert.deepEqual(
      (await call("GET", `/media/${portrait.id}/usage`, writer))
        .json()
        .people.map((p: { id: number }) => p.id),
      [person.id],
    );

    assert.equal(
      (await call("DELETE", `/media/${photo.id}`, writer)).statusCode,
      403,
      "penulis may not delete",
    );
    const refused = await call("DELETE", `/media/${photo.id}`, editor);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().detail, /masih dipakai/);
    assert.match(refused.json().errors[0].message, /Cerita bergambar/);
    await ctx.deps.articles.remove(story.id, SYSTEM_ACTOR);
    assert.equal((await call("DELETE", `/media/${photo.id}`, editor)).statusCode, 204);
    assert.equal((await call("GET", `/media/${photo.id}`, writer)).statusCode, 404);
  });

  it("edit: description and focal point (new derivative URLs); replace: new file, same id, references kept", async () => {
    const photo = await store("#555555", { caption: "Lama", alt: "Foto lama" });
    const story = await buildArticle(ctx.deps, {
      headline: "Berita dengan foto yang diganti",
      hero: { mediaId: photo.id, caption: "Keterangan", credit: "Warta" },
    });
    const edited = await call("PATCH", `/media/${photo.id}`, writer, {
      caption: "Baru",
      focalX: 20,
      keywords: ["pemilu"],
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().caption, "Baru");
    assert.equal(edited.json().alt, "Foto lama", "fields not sent stay");
    assert.match(edited.json().version, /-20-50$/);
    const invalid = await call("PATCH", `/media/${photo.id}`, writer, { focalX: 150 });
    assert.equal(invalid.statusCode, 422);
    assert.equal(invalid.json().errors[0].field, "body.focalX");

    const { body, contentType } = multipartBody(
      {},
      { fileName: "baru.jpg", type: "image/jpeg", bytes: await solidJpeg(80, 60, "#00aa00") },
    );
    const put = (session: Session) =>
      ctx.app.inject({
        method: "PUT",
        url: `/api/v1/media/${photo.id}/file`,
        payload: body,
        headers: { ...session.write, "content-type": contentType },
      });
    assert.equal((await put(writer)).statusCode, 403, "a new file for a live story's image: editors and up");
    const replaced = await put(editor);
    assert.equal(replaced.statusCode, 200, replaced.body);
    assert.equal(replaced.json().id, photo.id);
    assert.deepEqual([replaced.json().width, replaced.json().height], [80, 60]);
    assert.notEqual(replaced.json().sha256, photo.sha256);
    const article = await ctx.deps.articles.get(story.id);
    assert.equal(article.hero?.mediaId, photo.id, "the story still points at the image");
    const page = await ctx.app.inject({ method: "GET", url: `/api/v1/content/articles/${story.id}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(replaced.json().version), "the content API shows the new file");
    assert.ok(String(page.headers["surrogate-key"]).split(" ").includes(`media:${photo.id}`));
  });
});
