import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Person } from "../../core/person.ts";
import type { Section } from "../../core/section.ts";
import { bodyOf, buildArticle, buildPerson, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

describe("newsroom articles API", () => {
  let ctx: ApiTestContext;
  let writer: Session;
  let otherWriter: Session;
  let editor: Session;
  let person: Person;
  let parent: Section;
  let child: Section;
  const start = new Date("2026-07-01T01:00:00.000Z");

  const inject = (
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    session: Session,
    payload?: object,
  ) =>
    ctx.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown> | undefined,
      headers: method === "GET" ? { cookie: session.cookie } : session.write,
    });

  before(async () => {
    ctx = await createApiContext({ now: start });
    person = await buildPerson(ctx.deps, { name: "Dewi Anggraini" });
    parent = await buildSection(ctx.deps, { name: "Ekonomi", slug: "ekonomi" });
    child = await buildSection(ctx.deps, { name: "Pasar", slug: "pasar", parentId: parent.id });
    writer = await ctx.login((await ctx.user("penulis", { personId: person.id })).email);
    otherWriter = await ctx.login((await ctx.user("penulis")).email);
    editor = await ctx.login((await ctx.user("editor")).email);
  });
  after(() => ctx.close());

  it("lets a writer edit only their own drafts, and delete only drafts", async () => {
    const created = await inject("POST", "/api/v1/articles", writer, {
      headline: "Harga cabai naik",
      sectionId: child.id,
      body: bodyOf("Harga cabai naik dua kali lipat."),
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    const save = (session: Session, version: number) =>
      inject("PUT", `/api/v1/articles/${id}`, session, {
        headline: "Harga cabai melonjak",
        sectionId: child.id,
        body: bodyOf("Harga cabai naik dua kali lipat."),
        version,
      });
    assert.equal((await save(otherWriter, 1)).statusCode, 403, "not their article");
    assert.equal((await save(writer, 1)).statusCode, 200);
    assert.equal(
      (await inject("POST", `/api/v1/articles/${id}/transitions`, writer, { action: "submit" })).statusCode,
      200,
    );
    assert.equal((await save(writer, 3)).statusCode, 403, "in review: the writer's hands are off");
    assert.equal(
      (await inject("DELETE", `/api/v1/articles/${id}`, editor)).statusCode,
      409,
      "only drafts are deleted",
    );
    assert.equal(
      (await inject("POST", `/api/v1/articles/${id}/transitions`, editor, { action: "publish" })).statusCode,
      200,
    );
    assert.equal(
      (await inject("POST", `/api/v1/articles/${id}/transitions`, editor, { action: "unpublish" }))
        .statusCode,
      200,
    );
    const reopened = await inject("POST", `/api/v1/articles/${id}/transitions`, editor, { action: "reopen" });
    assert.equal(reopened.json().status, "draft");
    const bad = await inject("POST", `/api/v1/articles/${id}/transitions`, editor, { action: "approve" });
    assert.equal(bad.statusCode, 409);
    assert.equal(bad.json().code, "invalid_transition");
    assert.equal((await inject("DELETE", `/api/v1/articles/${id}`, writer)).statusCode, 204);
    assert.equal((await inject("GET", `/api/v1/articles/${id}`, writer)).statusCode, 404);
  });

  it("lists with filters, a stable cursor and ETags", async () => {
    const inParent = await buildArticle(ctx.deps, { status: "draft", sectionId: parent.id });
    ctx.setNow(new Date(start.getTime() + 60_000));
    const inChild = await buildArticle(ctx.deps, {
      status: "published",
      sectionId: child.id,
      credits: [{ role: "penulis", personId: person.id }],
    });
    ctx.setNow(new Date(start.getTime() + 120_000));
    const elsewhere = await buildArticle(ctx.deps, { status: "scheduled" });
    const ids = async (query: string) => {
      const response = await inject("GET", `/api/v1/articles?${query}`, editor);
      assert.equal(response.statusCode, 200, response.body);
      return response.json().items.map((i: { id: number }) => i.id);
    };
    assert.deepEqual(
      await ids(`sectionId=${parent.id}`),
      [inChild.id, inParent.id],
      "a section includes its subsections",
    );
    assert.deepEqual(await ids("status=scheduled"), [elsewhere.id]);
    assert.deepEqual(await ids("status=scheduled&status=draft"), [elsewhere.id, inParent.id]);
    assert.deepEqual(await ids(`personId=${person.id}`), [inChild.id]);
    assert.deepEqual(
      await ids(
        `from=${encodeURIComponent(new Date(start.getTime() + 30_000).toISOString())}&to=${encodeURIComponent(new Date(start.getTime() + 90_000).toISOString())}`,
      ),
      [inChild.id],
    );

    const first = await inject("GET", "/api/v1/articles?limit=2", editor);
    const page1 = first.json();
    assert.equal(page1.items.length, 2);
    assert.ok(page1.nextCursor);
    const page2 = (await inject("GET", `/api/v1/articles?limit=2&cursor=${page1.nextCursor}`, editor)).json();
    const seen = [...page1.items, ...page2.items].map((i: { id: number }) => i.id);
    assert.equal(new Set(seen).size, seen.length, "no item twice across pages");
    assert.ok(seen.includes(inParent.id) && seen.includes(elsewhere.id));

    const etag = first.headers.etag as string;
    const again = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/articles?limit=2",
      headers: { cookie: editor.cookie, "if-none-match": etag },
    });
    assert.equal(again.statusCode, 304);
    const one = await inject("GET", `/api/v1/articles/${inChild.id}`, editor);
    assert.equal(one.headers.etag, `"v${one.json().version}"`);
    const notModified = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/articles/${inChild.id}`,
      headers: { cookie: editor.cookie, "if-none-match": one.headers.etag as string },
    });
    assert.equal(notModified.statusCode, 304);
    assert.equal((await ctx.app.inject({ method: "GET", url: "/api/v1/articles" })).statusCode, 401);
    const badCursor = await inject("GET", "/api/v1/articles?cursor=xyz", editor);
    assert.equal(badCursor.statusCode, 422);
  });

  it("tells who else has an article open, and forgets them after a minute", async () => {
    const article = await buildArticle(ctx.deps, { status: "draft", sectionId: parent.id });
    const url = `/api/v1/articles/${article.id}/presence`;
    const mine = await inject("POST", url, writer, {});
    assert.deepEqual(mine.json().others, []);
    const theirs = await inject("POST", url, editor, { state: "viewing" });
    assert.deepEqual(
      theirs.json().others.map((o: { personId: number | null; state: string }) => [o.personId, o.state]),
      [[person.id, "editing"]],
    );
    const seen = await inject("GET", url, writer);
    assert.deepEqual(
      seen.json().others.map((o: { state: string }) => o.state),
      ["viewing"],
    );
    ctx.setNow(new Date(ctx.deps.clock().getTime() + 61_000));
    assert.deepEqual((await inject("GET", url, writer)).json().others, []);
  });

  it("tells who else has each story of a page open, in one request", async () => {
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => buildArticle(ctx.deps, { status: "draft", sectionId: parent.id })),
    );
    await inject("POST", `/api/v1/articles/${a!.id}/presence`, editor, {});
    await inject("POST", `/api/v1/articles/${b!.id}/presence`, writer, { state: "viewing" });
    await inject("POST", `/api/v1/articles/${b!.id}/presence`, editor, {});
    const ids = `ids=${a!.id}&ids=${b!.id}&ids=${c!.id}`;
    const page = await inject("GET", `/api/v1/articles/presence?${ids}`, writer);
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(page.headers["cache-control"], "private, no-store");
    const seen = (body: { items: { articleId: number; others: { personId: number | null }[] }[] }) =>
      body.items.map((i) => [i.articleId, i.others.map((o) => o.personId)]);
    // Not the asker themself; stories nobody else has open are left out.
    assert.deepEqual(seen(page.json()), [
      [a!.id, [null]],
      [b!.id, [null]],
    ]);
    const asEditor = await inject("GET", `/api/v1/articles/presence?ids=${b!.id}`, editor);
    assert.deepEqual(seen(asEditor.json()), [[b!.id, [person.id]]]);
    const one = await inject("GET", `/api/v1/articles/presence?ids=${c!.id}`, writer);
    assert.deepEqual(one.json().items, []);
    const tooMany = Array.from({ length: 101 }, (_, i) => `ids=${i + 1}`).join("&");
    assert.equal((await inject("GET", `/api/v1/articles/presence?${tooMany}`, writer)).statusCode, 422);
    assert.equal((await inject("GET", "/api/v1/articles/presence?ids=x", writer)).statusCode, 422);
    assert.equal(
      (await ctx.app.inject({ method: "GET", url: `/api/v1/articles/presence?${ids}` })).statusCode,
      401,
    );
    // An API token, even one that reads stories, never learns who is at work on them.
    const made = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: editor.write,
      payload: { name: "integrasi", scopes: ["content:read"] },
    });
    const bearer = { authorization: `Bearer ${made.json().token as string}` };
    const byToken = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/articles/presence?${ids}`,
      headers: bearer,
    });
    assert.equal(byToken.statusCode, 403);
    ctx.setNow(new Date(ctx.deps.clock().getTime() + 61_000));
    assert.deepEqual((await inject("GET", `/api/v1/articles/presence?${ids}`, writer)).json().items, []);
    const openapi = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const documented = openapi.paths["/api/v1/articles/presence"].get;
    assert.ok(documented.parameters.some((p: { name: string }) => p.name === "ids"));
  });

  it("serves only live articles through the content API, with cache headers", async () => {
    const section = await buildSection(ctx.deps, { name: "Konten", slug: "konten" });
    const live = await buildArticle(ctx.deps, { sectionId: section.id, headline: "Berita terbuka" });
    const embargoed = await buildArticle(ctx.deps, {
      status: "scheduled",
      sectionId: section.id,
      headline: "Berita embargo",
    });
    const draft = await buildArticle(ctx.deps, { status: "draft", sectionId: section.id });
    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/content/articles?section=konten" });
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list.json().items.map((i: { id: number }) => i.id),
      [live.id],
    );
    assert.match(String(list.headers["cache-control"]), /^public/);
    assert.match(String(list.headers["surrogate-key"]), new RegExp(`section:${section.id}`));
    const one = await ctx.app.inject({ method: "GET", url: `/api/v1/content/articles/${live.id}` });
    assert.equal(one.statusCode, 200);
    assert.match(String(one.headers["surrogate-key"]), new RegExp(`article:${live.id}`));
    for (const hidden of [embargoed.id, draft.id]) {
      const response = await ctx.app.inject({ method: "GET", url: `/api/v1/content/articles/${hidden}` });
      assert.equal(response.statusCode, 404);
      assert.ok(!response.body.includes("embargo"));
    }
    assert.equal(
      (await ctx.app.inject({ method: "GET", url: "/api/v1/content/articles?tag=tidak-ada" })).statusCode,
      404,
    );
  });

  it("gives a content API article the same content keys as its site page, Baca Juga targets included", async () => {
    const section = await buildSection(ctx.deps, { name: "Kunci", slug: "kunci" });
    const target = await buildArticle(ctx.deps, { sectionId: section.id, headline: "Berita yang ditautkan" });
    const withLink = await buildArticle(ctx.deps, {
      sectionId: section.id,
      headline: "Berita dengan Baca Juga",
      credits: [{ role: "penulis", personId: person.id }],
      body: {
        version: 1,
        blocks: [...bodyOf("Paragraf pertama.").blocks, { type: "related", articleId: target.id }],
      },
    });
    const api = await ctx.app.inject({ method: "GET", url: `/api/v1/content/articles/${withLink.id}` });
    assert.equal(api.statusCode, 200, api.body);
    const apiKeys = String(api.headers["surrogate-key"]).split(" ");
    assert.deepEqual(
      [...apiKeys].sort(),
      [`article:${withLink.id}`, `article:${target.id}`, "sections", `person-label:${person.id}`].sort(),
    );
    const model = await ctx.deps.reading.articlePage(withLink.id);
    const page = await ctx.app.inject({ method: "GET", url: model?.url ?? "/" });
    assert.equal(page.statusCode, 200);
    const pageKeys = String(page.headers["surrogate-key"]).split(" ");
    for (const key of apiKeys)
      assert.ok(pageKeys.includes(key), `site page lacks ${key}: ${pageKeys.join(" ")}`);
  });
});
