import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { buildArticle, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

/**
 * `GET /api/v1/fact-checks?articleId=`: the editor asks whether a story is a Cek Fakta without a
 * 404 for every ordinary story (both stores).
 */
describe("looking up the fact-checks among stories", () => {
  let ctx: ApiTestContext;
  let editor: Session;

  before(async () => {
    ctx = await createApiContext({ now: new Date("2026-12-03T03:00:00Z") });
    editor = await ctx.login((await ctx.user("editor")).email);
  });
  after(() => ctx.close());

  const lookup = (query: string, session: Session | null = editor) =>
    ctx.app.inject({
      method: "GET",
      url: `/api/v1/fact-checks${query}`,
      headers: session ? { cookie: session.write.cookie } : {},
    });

  it("answers the fact-checks among the ids asked, in that order; ordinary stories are left out", async () => {
    const section = await buildSection(ctx.deps, { name: "Periksa", slug: "periksa" });
    const checked = await buildArticle(ctx.deps, { headline: "Hoaks vaksin", sectionId: section.id });
    const other = await buildArticle(ctx.deps, { headline: "Berita biasa", sectionId: section.id });
    const second = await buildArticle(ctx.deps, { headline: "Klaim banjir", sectionId: section.id });
    for (const [id, verdict] of [
      [checked.id, "hoaks"],
      [second.id, "menyesatkan"],
    ] as const) {
      const set = await ctx.app.inject({
        method: "PUT",
        url: `/api/v1/articles/${id}/fact-check`,
        headers: editor.write,
        payload: { claim: "Klaim", claimant: "Akun anonim", appearance: "Facebook", verdict },
      });
      assert.equal(set.statusCode, 200, set.body);
    }
    const none = await lookup(`?articleId=${other.id}`);
    assert.equal(none.statusCode, 200, none.body);
    assert.deepEqual(none.json(), { items: [] });
    const both = await lookup(`?articleId=${second.id}&articleId=${other.id}&articleId=${checked.id}`);
    assert.deepEqual(
      both
        .json()
        .items.map((c: { articleId: number; verdict: string; claimant: string }) => [c.articleId, c.verdict]),
      [
        [second.id, "menyesatkan"],
        [checked.id, "hoaks"],
      ],
    );
    assert.equal(both.json().items[0].claimant, "Akun anonim");
  });

  it("needs a session and says in Indonesian what is wrong with the ids", async () => {
    assert.equal((await lookup("?articleId=1", null)).statusCode, 401);
    const bad = await lookup("?articleId=abc");
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().errors[0].field, "query.articleId");
    const many = await lookup(`?${Array.from({ length: 101 }, (_, i) => `articleId=${i + 1}`).join("&")}`);
    assert.equal(many.statusCode, 422);
    assert.equal(many.json().errors[0].message, "Paling banyak 100 artikel sekali tanya.");
  });
});
