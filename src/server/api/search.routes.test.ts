import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createSearchFixture, SECRET_WORDS, type SearchFixture } from "../../search/search.test-support.ts";

let fx: SearchFixture;
const get = (url: string) => fx.app.inject({ method: "GET", url });

before(async () => {
  fx = await createSearchFixture();
});
after(async () => {
  await fx.close();
});

describe("GET /api/v1/search", () => {
  it("returns JSON results with snippet highlight offsets", async () => {
    const response = await get("/api/v1/search?q=banjir&pageSize=5");
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.query, "banjir");
    assert.ok(body.total >= 1);
    const [first] = body.items;
    assert.match(first.url, /^https:\/\/warta\.test\//);
    const [start, end] = first.headlineHighlights[0];
    assert.equal(first.headline.slice(start, end).toLowerCase(), "banjir");
    for (const [s, e] of first.snippet.highlights)
      assert.match(first.snippet.text.slice(s, e).toLowerCase(), /banjir/);
  });

  it("bad parameters are the API's problem+json (422, validation_failed) listing every field", async () => {
    const response = await get("/api/v1/search?q=x&from=2024-02-30&sort=popular&pageSize=500");
    assert.equal(response.statusCode, 422);
    assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
    const body = response.json();
    assert.equal(body.status, 422);
    assert.equal(body.code, "validation_failed");
    assert.deepEqual(
      body.errors.map((e: { field: string }) => e.field),
      ["from", "sort", "pageSize"],
    );
    const unknown = await get("/api/v1/search?q=x&tag=tidak-ada");
    assert.equal(unknown.statusCode, 422);
    assert.deepEqual(unknown.json().errors, [{ field: "tag", message: "Tag tidak ditemukan." }]);
  });

  for (const word of [...SECRET_WORDS, "Baliem"])
    it(`never returns unpublished stories ("${word}")`, async () => {
      const response = await get(`/api/v1/search?q=${encodeURIComponent(word)}`);
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().total, 0);
      assert.deepEqual(response.json().items, []);
    });

  it("a query the secret stories would match returns only live ones", async () => {
    const response = await get(`/api/v1/search?q=${encodeURIComponent("tentara Korea Utara")}&pageSize=50`);
    assert.equal(response.statusCode, 200);
    const ids = response.json().items.map((i: { id: number }) => i.id);
    for (const article of [fx.draft, fx.embargoed, fx.unpublished]) assert.ok(!ids.includes(article.id));
    assert.doesNotMatch(response.body, /zamrudrahasia|safirembargo|kecubungditarik/);
  });
});
