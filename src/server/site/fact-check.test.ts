import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import type { Article } from "../../core/article.ts";
import { jsonLdBlocks } from "../../distribution/fixtures/validators.ts";
import { buildArticle, buildPerson, buildSection } from "../../testing/factories.ts";
import { createApiContext, type ApiTestContext, type Session } from "../../testing/api-test-support.ts";

const NOW = new Date("2026-11-26T05:00:00Z");

/** schema.org ClaimReview as Google's fact-check markup requires it. */
function assertClaimReview(block: Record<string, unknown>, claim: string, verdict: string, rating: number) {
  assert.equal(block["@type"], "ClaimReview");
  assert.equal(block.claimReviewed, claim);
  assert.match(String(block.url), /^https:\/\/warta\.test\/cek-fakta-rubrik\/\d+\//);
  const review = block.reviewRating as Record<string, unknown>;
  assert.deepEqual(
    { type: review["@type"], value: review.ratingValue, best: review.bestRating, worst: review.worstRating },
    { type: "Rating", value: rating, best: 5, worst: 1 },
  );
  assert.equal(review.alternateName, verdict);
  const author = block.author as Record<string, unknown>;
  assert.ok(author["@type"] && author.name, "the review has an author");
  const item = block.itemReviewed as Record<string, unknown>;
  assert.equal(item["@type"], "Claim");
  assert.ok((item.author as Record<string, unknown>).name, "the claim has an author");
  assert.ok((item.appearance as Record<string, unknown>).name, "where the claim appeared");
}

describe("Cek Fakta: claim, claimant, appearance and verdict", () => {
  let ctx: ApiTestContext;
  let editor: Session;
  let writer: Session;
  let check: Article;
  let scheduled: Article;
  const get = (url: string) => ctx.app.inject({ method: "GET", url });
  const put = async (
    session: Session,
    id: number,
    payload: Record<string, unknown>,
  ): Promise<LightMyRequestResponse> =>
    ctx.app.inject({
      method: "PUT",
      url: `/api/v1/articles/${id}/fact-check`,
      headers: session.write,
      payload,
    });

  before(async () => {
    ctx = await createApiContext({ now: NOW });
    const { deps } = ctx;
    const section = await buildSection(deps, { name: "Cek Fakta Rubrik", slug: "cek-fakta-rubrik" });
    const person = await buildPerson(deps, { name: "Penulis Fakta", slug: "penulis-fakta" });
    editor = await ctx.login((await ctx.user("editor")).email);
    writer = await ctx.login((await ctx.user("penulis", { personId: person.id })).email);
    check = await buildArticle(deps, {
      headline: "Video Banjir Jakarta Itu Rekaman Lama",
      sectionId: section.id,
      publishedAt: new Date("2026-11-26T02:00:00Z"),
      credits: [{ role: "penulis", personId: person.id }],
    });
    scheduled = await buildArticle(deps, {
      headline: "Cek Fakta Embargo Tidak Boleh Tampil",
      sectionId: section.id,
      status: "scheduled",
      publishedAt: new Date("2026-11-27T00:00:00Z"),
    });
  });

  after(() => ctx.close());

  it("lets an editor make a story a fact-check through the API, and explains bad input in Indonesian", async () => {
    const bad = await put(editor, check.id, {
      claim: " ",
      claimant: "Akun X",
      appearance: "Unggahan",
      appearanceUrl: "javascript:alert(1)",
      verdict: "palsu",
    });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.match(String(bad.headers["content-type"]), /problem\+json/);
    const problem = bad.json() as { errors: { field: string; message: string }[] };
    const named = new Map(problem.errors.map((d) => [d.field, d.message]));
    assert.equal(named.get("body.claim"), "Klaim wajib diisi.");
    assert.equal(named.get("body.appearanceUrl"), "Tautan harus berupa URL http(s).");
    assert.match(named.get("body.verdict") ?? "", /^Putusan harus salah satu dari: benar, sebagian-benar/);
    assert.equal((await get(`/api/v1/articles/${check.id}/fact-check`)).statusCode, 401);

    const ok = await put(editor, check.id, {
      claim: "Video banjir setinggi dada di Jakarta diambil pekan ini.",
      claimant: "Akun @kabarcepat",
      appearance: "Unggahan X",
      appearanceUrl: "https://x.com/kabarcepat/status/1",
      claimDate: "2026-11-25T10:00:00+07:00",
      verdict: "salah",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().verdict, "salah");
    const read = await ctx.app.inject({
      url: `/api/v1/articles/${check.id}/fact-check`,
      headers: { cookie: editor.cookie },
    });
    assert.equal(read.json().claimant, "Akun @kabarcepat");
    assert.equal((await put(editor, 999_999, ok.json())).statusCode, 404);
  });

  it("keeps writers to their own drafts, as for the story itself", async () => {
    const denied = await put(writer, check.id, {
      claim: "Klaim",
      claimant: "Siapa",
      appearance: "Di mana",
      verdict: "benar",
    });
    assert.equal(denied.statusCode, 403);
  });

  it("shows the verdict as a label on the page and on cards, with the claim box and ClaimReview JSON-LD", async () => {
    const page = await get(`/cek-fakta-rubrik/${check.id}/${check.slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1><span class="label label-salah">Salah<\/span> Video Banjir/);
    assert.match(
      page.body,
      /<dt>Klaim<\/dt><dd>“Video banjir setinggi dada di Jakarta diambil pekan ini\.”<\/dd>/,
    );
    assert.match(page.body, /<dt>Pembuat klaim<\/dt><dd>Akun @kabarcepat<\/dd>/);
    assert.match(
      page.body,
      /<a href="https:\/\/x\.com\/kabarcepat\/status\/1" rel="nofollow noopener">Unggahan X<\/a>/,
    );
    const review = jsonLdBlocks(page.body).find((b) => b["@type"] === "ClaimReview");
    assert.ok(review, "ClaimReview JSON-LD");
    assertClaimReview(review, "Video banjir setinggi dada di Jakarta diambil pekan ini.", "Salah", 2);
    assert.ok(jsonLdBlocks(page.body).some((b) => b["@type"] === "NewsArticle"));
    const home = await get("/");
    assert.match(home.body, /<span class="label label-salah">Salah<\/span> <a href="[^"]+">Video Banjir/);
  });

  it("lists live fact-checks at /cek-fakta with their claims, and in a feed", async () => {
    const list = await get("/cek-fakta");
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1>Cek Fakta<\/h1>/);
    assert.match(list.body, /Video Banjir Jakarta Itu Rekaman Lama/);
    assert.match(list.body, /Klaim: “Video banjir setinggi dada/);
    assert.match(list.body, /href="\/feed\/cek-fakta\/rss\.xml"/);
    const rss = await get("/feed/cek-fakta/rss.xml");
    assert.equal(rss.statusCode, 200);
    assert.equal(rss.headers["content-type"], "application/rss+xml; charset=utf-8");
    assert.match(rss.body, /<title>Video Banjir Jakarta Itu Rekaman Lama<\/title>/);
    for (const file of ["atom.xml", "feed.json"])
      assert.equal((await get(`/feed/cek-fakta/${file}`)).statusCode, 200, file);
    assert.equal((await get("/feed/cek-fakta/rss.txt")).statusCode, 404);
    assert.equal((await get("/cek-fakta?halaman=x")).statusCode, 400);
    assert.equal((await get("/cek-fakta?halaman=2")).statusCode, 404);
  });

  it("keeps a scheduled fact-check off every page and feed until its time", async () => {
    const response = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/articles/${scheduled.id}/fact-check`,
      headers: editor.write,
      payload: {
        claim: "Klaim rahasia embargo",
        claimant: "Seseorang",
        appearance: "Grup WhatsApp",
        verdict: "hoaks",
      },
    });
    assert.equal(response.statusCode, 200);
    for (const url of [
      "/cek-fakta",
      "/feed/cek-fakta/rss.xml",
      "/feed/cek-fakta/feed.json",
      "/",
      "/indeks",
    ]) {
      const body = (await get(url)).body;
      assert.doesNotMatch(body, /Embargo Tidak Boleh Tampil|Klaim rahasia embargo/, url);
    }
    assert.equal((await get(`/cek-fakta-rubrik/${scheduled.id}/${scheduled.slug}`)).statusCode, 404);
  });

  it("turns a fact-check back into an ordinary story, purging its page", async () => {
    const removed = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/articles/${check.id}/fact-check`,
      headers: editor.write,
    });
    assert.equal(removed.statusCode, 204);
    const page = await get(`/cek-fakta-rubrik/${check.id}/${check.slug}`);
    assert.doesNotMatch(page.body, /"ClaimReview"|<span class="label label-salah">/);
    assert.doesNotMatch((await get("/cek-fakta")).body, /Video Banjir/);
  });
});
