import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Section } from "../../core/section.ts";
import { bodyOf, buildPerson, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

/** What the admin asks of the API beyond plain CRUD: headline search over drafts, name search, permissions. */
describe("API queries the admin relies on", () => {
  let ctx: ApiTestContext;
  let writer: Session;
  let editor: Session;
  let section: Section;

  const get = (url: string, session?: Session) =>
    ctx.app.inject({ method: "GET", url, headers: session ? { cookie: session.cookie } : {} });
  const post = (url: string, session: Session, payload: object) =>
    ctx.app.inject({
      method: "POST",
      url,
      payload: payload as Record<string, unknown>,
      headers: session.write,
    });

  before(async () => {
    ctx = await createApiContext();
    section = await buildSection(ctx.deps, { name: "Kota", slug: "kota" });
    const person = await buildPerson(ctx.deps, { name: "Dewi Anggraini" });
    await buildPerson(ctx.deps, { name: "Bambang Sutrisno" });
    writer = await ctx.login((await ctx.user("penulis", { personId: person.id })).email);
    editor = await ctx.login((await ctx.user("editor")).email);
  });
  after(() => ctx.close());

  it("finds drafts by words of their headline, case-insensitively, with LIKE wildcards taken literally", async () => {
    for (const headline of ["Banjir Rob di Pesisir Utara", "Harga beras naik 100%", "Banjir bandang di hulu"])
      assert.equal(
        (await post("/api/v1/articles", writer, { headline, sectionId: section.id, body: bodyOf("Isi.") }))
          .statusCode,
        201,
      );
    const headlines = async (q: string) =>
      (
        (await get(`/api/v1/articles?q=${encodeURIComponent(q)}`, editor)).json() as {
          items: { headline: string; status: string }[];
        }
      ).items.map((i) => i.headline);
    assert.deepEqual((await headlines("banjir")).sort(), [
      "Banjir Rob di Pesisir Utara",
      "Banjir bandang di hulu",
    ]);
    assert.deepEqual(await headlines("BANJIR pesisir"), ["Banjir Rob di Pesisir Utara"]);
    assert.deepEqual(await headlines("100%"), ["Harga beras naik 100%"]);
    assert.deepEqual(await headlines("10_%"), [], "an underscore is a character, not a wildcard");
  });

  it("searches people and tags by part of the name", async () => {
    const people = (await get("/api/v1/people?q=dew", editor)).json() as { items: { name: string }[] };
    assert.deepEqual(
      people.items.map((p) => p.name),
      ["Dewi Anggraini"],
    );
    await post("/api/v1/tags", editor, { name: "Banjir Jakarta" });
    await post("/api/v1/tags", editor, { name: "Pemilu" });
    const tags = (await get("/api/v1/tags?q=jakarta", editor)).json() as { items: { name: string }[] };
    assert.deepEqual(
      tags.items.map((t) => t.name),
      ["Banjir Jakarta"],
    );
  });

  it("tells each user what they may do with an article now (policy × workflow state)", async () => {
    const created = await post("/api/v1/articles", writer, {
      headline: "Jalan tol baru dibuka",
      sectionId: section.id,
      body: bodyOf("Isi."),
    });
    const id = (created.json() as { id: number }).id;
    const canOf = async (session: Session) =>
      ((await get(`/api/v1/articles/${id}`, session)).json() as { can: Record<string, unknown> }).can;
    assert.deepEqual(await canOf(writer), {
      update: true,
      delete: true,
      correct: false,
      actions: ["submit"],
    });
    assert.deepEqual(await canOf(editor), {
      update: true,
      delete: true,
      correct: false,
      actions: ["submit", "schedule", "publish"],
    });
    const submitted = await post(`/api/v1/articles/${id}/transitions`, writer, { action: "submit" });
    assert.deepEqual((submitted.json() as { can: unknown }).can, {
      update: false,
      delete: false,
      correct: false,
      actions: [],
    });
    assert.deepEqual((await canOf(editor)).actions, ["requestChanges", "approve", "schedule", "publish"]);
    const log = (await get(`/api/v1/articles/${id}/workflow`, editor)).json() as {
      items: { action: string; actor: string; actorName: string | null }[];
    };
    assert.match(log.items[0]?.actor ?? "", /^user:\d+$/);
    assert.match(log.items[0]?.actorName ?? "", /^penulis \d+$/, "the history names people, not ids");
    const history = (await get(`/api/v1/articles/${id}/revisions`, editor)).json() as {
      items: { actorName: string | null }[];
    };
    assert.match(history.items[0]?.actorName ?? "", /^penulis \d+$/);
    const published = await post(`/api/v1/articles/${id}/transitions`, editor, { action: "publish" });
    assert.deepEqual((published.json() as { can: unknown }).can, {
      update: true,
      delete: false,
      correct: true,
      actions: ["unpublish"],
    });
    const staged = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/articles/${id}`,
      headers: editor.write,
      payload: {
        headline: "Jalan tol baru resmi dibuka",
        sectionId: section.id,
        body: bodyOf("Isi."),
        version: (published.json() as { version: number }).version,
      },
    });
    assert.equal(staged.statusCode, 200, staged.body);
    assert.deepEqual((staged.json() as { can: { actions: string[] } }).can.actions, ["publish", "unpublish"]);
  });
});
