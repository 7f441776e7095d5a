import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildArticle, buildPerson, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

interface RecentCorrection {
  id: number;
  articleId: number;
  headline: string;
  kind: string;
  note: string;
  at: string;
}

/** What the desk asks for beyond the status lanes: the corrections lane and the author/date filters. */
describe("API queries of the desk: recent corrections, author and date filters", () => {
  let ctx: ApiTestContext;
  let editor: Session;
  let writer: Session;
  const T0 = new Date("2026-03-02T03:00:00.000Z");

  const get = (url: string, session?: Session) =>
    ctx.app.inject({ method: "GET", url, headers: session ? { cookie: session.cookie } : {} });
  const correct = (id: number, kind: "koreksi" | "ralat", note: string) =>
    ctx.app.inject({
      method: "POST",
      url: `/api/v1/articles/${id}/corrections`,
      headers: editor.write,
      payload: { kind, note },
    });

  before(async () => {
    ctx = await createApiContext({ now: T0 });
    editor = await ctx.login((await ctx.user("editor")).email);
    writer = await ctx.login((await ctx.user("penulis")).email);
  });
  after(() => ctx.close());

  it("lists the newest corrections across stories first, with headlines, page by page", async () => {
    const section = await buildSection(ctx.deps, { name: "Ekonomi", slug: "ekonomi" });
    const a = await buildArticle(ctx.deps, {
      headline: "Inflasi Februari 2,1 persen",
      sectionId: section.id,
    });
    const b = await buildArticle(ctx.deps, { headline: "Harga cabai turun", sectionId: section.id });
    const notes: [number, "koreksi" | "ralat", string][] = [
      [a.id, "koreksi", "Inflasi 2,1 persen, bukan 2,4 persen."],
      [b.id, "ralat", "Nama pasar: Pasar Induk Kramat Jati."],
      [a.id, "ralat", "Ejaan nama menteri diperbaiki."],
    ];
    for (const [index, [id, kind, note]] of notes.entries()) {
      ctx.setNow(new Date(T0.getTime() + (index + 1) * 60_000));
      const response = await correct(id, kind, note);
      assert.equal(response.statusCode, 201, response.body);
    }
    // Same instant for the last two: the id breaks the tie.
    const tied = await correct(b.id, "koreksi", "Harga per kilogram, bukan per ons.");
    assert.equal(tied.statusCode, 201);

    const first = (await get("/api/v1/corrections?limit=2", writer)).json() as {
      items: RecentCorrection[];
      nextCursor: string;
    };
    assert.deepEqual(
      first.items.map((c) => [c.headline, c.kind, c.note]),
      [
        ["Harga cabai turun", "koreksi", "Harga per kilogram, bukan per ons."],
        ["Inflasi Februari 2,1 persen", "ralat", "Ejaan nama menteri diperbaiki."],
      ],
    );
    assert.equal(first.items[1]?.articleId, a.id);
    const second = (
      await get(`/api/v1/corrections?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`, writer)
    ).json() as { items: RecentCorrection[]; nextCursor: string | null };
    assert.deepEqual(
      second.items.map((c) => c.note),
      ["Nama pasar: Pasar Induk Kramat Jati.", "Inflasi 2,1 persen, bukan 2,4 persen."],
    );
    assert.equal(second.nextCursor, null);
  });

  it("is for signed-in staff, and refuses a malformed cursor with the field named", async () => {
    assert.equal((await get("/api/v1/corrections")).statusCode, 401);
    const bad = await get("/api/v1/corrections?cursor=zzz", editor);
    assert.equal(bad.statusCode, 422);
    assert.equal((bad.json() as { errors: { field: string }[] }).errors[0]?.field, "query.cursor");
  });

  it("filters the story list by credited person and by a date range of last activity", async () => {
    const section = await buildSection(ctx.deps, { name: "Kota", slug: "kota" });
    const dewi = await buildPerson(ctx.deps, { name: "Dewi Anggraini" });
    const joko = await buildPerson(ctx.deps, { name: "Joko Susilo" });
    ctx.setNow(new Date("2026-03-05T02:00:00.000Z"));
    await buildArticle(ctx.deps, {
      headline: "Trotoar Sudirman diperlebar",
      sectionId: section.id,
      status: "draft",
      credits: [{ role: "penulis", personId: dewi.id }],
    });
    ctx.setNow(new Date("2026-03-07T02:00:00.000Z"));
    await buildArticle(ctx.deps, {
      headline: "Halte baru di Thamrin",
      sectionId: section.id,
      status: "draft",
      credits: [{ role: "penulis", personId: dewi.id }],
    });
    await buildArticle(ctx.deps, {
      headline: "Lampu lalu lintas pintar",
      sectionId: section.id,
      status: "draft",
      credits: [{ role: "penulis", personId: joko.id }],
    });
    const headlines = async (query: string) =>
      (
        (await get(`/api/v1/articles?sectionId=${section.id}&${query}`, editor)).json() as {
          items: { headline: string }[];
        }
      ).items.map((i) => i.headline);
    assert.deepEqual(await headlines(`personId=${dewi.id}`), [
      "Halte baru di Thamrin",
      "Trotoar Sudirman diperlebar",
    ]);
    assert.deepEqual(
      await headlines(
        `personId=${dewi.id}&from=${encodeURIComponent("2026-03-06T00:00:00+07:00")}&to=${encodeURIComponent("2026-03-08T00:00:00+07:00")}`,
      ),
      ["Halte baru di Thamrin"],
    );
    assert.deepEqual(await headlines(`to=${encodeURIComponent("2026-03-06T00:00:00+07:00")}`), [
      "Trotoar Sudirman diperlebar",
    ]);
  });
});
