import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import { buildArticle, bodyOf } from "../testing/factories.ts";
import { SEARCH_DEFAULTS } from "./search.service.ts";
import { createSearchFixture, SECRET_WORDS, type SearchFixture } from "./search.test-support.ts";

let fx: SearchFixture;
const search = (q: string, extra: Partial<Parameters<SearchFixture["deps"]["search"]["search"]>[0]> = {}) =>
  fx.deps.search.search({ ...SEARCH_DEFAULTS, q, ...extra });
const headlines = async (q: string, extra = {}) => (await search(q, extra)).items.map((i) => i.headline);

before(async () => {
  fx = await createSearchFixture();
});
after(async () => {
  await fx.close();
});

describe("relevance over the reference article", () => {
  it('"tentara Korea Utara" ranks the reference article first', async (t) => {
    if (!fx.reference) return t.skip("reference seed not available");
    const [first] = (await search("tentara Korea Utara")).items;
    assert.equal(first?.id, fx.reference.id);
  });

  it('"pertahanan bersama" finds it through "pakta pertahanan bersamanya", marking the original words', async (t) => {
    if (!fx.reference) return t.skip("reference seed not available");
    const results = await search('"pertahanan bersama"');
    const item = results.items.find((i) => i.id === fx.reference?.id);
    assert.ok(item, "reference article found by the phrase");
    const marked = item.snippet.filter((s) => s.mark).map((s) => s.text);
    assert.deepEqual(marked.slice(0, 2), ["pertahanan", "bersamanya"]);
  });

  it('"menegaskan" finds "tegas"; "penegasan" and "ditegaskan" find the same stories', async (t) => {
    if (!fx.reference) return t.skip("reference seed not available");
    const ids = async (q: string) => (await search(q)).items.map((i) => i.id).sort();
    const base = await ids("menegaskan");
    assert.ok(base.includes(fx.reference.id));
    assert.deepEqual(await ids("penegasan"), base);
    assert.deepEqual(await ids("ditegaskan"), base);
  });

  it("aliases: Korut finds the Korea Utara story", async (t) => {
    if (!fx.reference) return t.skip("reference seed not available");
    assert.equal((await search("Korut")).items[0]?.id, fx.reference.id);
    assert.equal((await search("pasukan Korut")).items[0]?.id, fx.reference.id);
  });

  it('typo tolerance: "Vladimr Putin" finds Vladimir Putin and says so', async (t) => {
    if (!fx.reference) return t.skip("reference seed not available");
    const results = await search("Vladimr Putin");
    assert.equal(results.items[0]?.id, fx.reference.id);
    assert.deepEqual(results.corrections, [{ from: "vladimr", to: "vladimir" }]);
  });

  it("exclusions remove matching stories", async (t) => {
    if (!fx.reference) return t.skip("reference seed not available");
    assert.ok((await search("tentara")).items.some((i) => i.id === fx.reference?.id));
    assert.ok(!(await search("tentara -Pyongyang")).items.some((i) => i.id === fx.reference?.id));
  });

  it("filters by section, tag, person and date range", async (t) => {
    if (!fx.reference) return t.skip("reference seed not available");
    const id = fx.reference.id;
    const has = async (extra: object) => (await search("Putin", extra)).items.some((i) => i.id === id);
    assert.ok(await has({ section: "dunia" }));
    assert.ok(!(await has({ section: "ekonomi" })));
    assert.ok(await has({ tag: "korea-utara" }));
    assert.ok(await has({ from: "2024-10-25", to: "2024-10-25" }));
    assert.ok(!(await has({ from: "2024-10-26" })));
    assert.ok(!(await has({ to: "2024-10-24" })));
    await assert.rejects(search("Putin", { tag: "tidak-ada" }), /Filter pencarian/);
  });
});

describe("relevance over the demo corpus", () => {
  it('"banjir" finds the flood stories, headline match first', async () => {
    const found = await headlines("banjir");
    assert.match(found[0] ?? "", /Banjir/);
  });

  it('"peringatan dini" as a phrase, minus "banjir", leaves the DPR story', async () => {
    const found = await headlines('"peringatan dini" -banjir');
    assert.ok(found.length >= 1);
    assert.ok(found.every((h) => !/Banjir/.test(h)));
    assert.ok(found.some((h) => /Komisi DPR/.test(h)));
  });

  it("a misspelt city is corrected (Makasar → Makassar)", async () => {
    const results = await search("Makasar");
    assert.deepEqual(results.corrections, [{ from: "makasar", to: "makassar" }]);
    assert.match(results.items[0]?.headline ?? "", /Makassar/);
  });

  it("sorting by date puts the newest first", async () => {
    const results = await search("Jayapura", { sort: "date" });
    const times = results.items.map((i) => i.publishedAt.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    assert.ok(times.length >= 2);
  });

  it("paginates", async () => {
    const all = await search("warga", { pageSize: 50 });
    assert.ok(all.total >= 3, `need a few matches, got ${all.total}`);
    const first = await search("warga", { pageSize: 2 });
    const second = await search("warga", { pageSize: 2, page: 2 });
    assert.equal(first.total, all.total);
    assert.equal(first.pageCount, Math.ceil(all.total / 2));
    assert.deepEqual(
      [...first.items, ...second.items].map((i) => i.id),
      all.items.slice(0, 4).map((i) => i.id),
    );
  });

  it("a query of only stop words is reported as empty, not as everything", async () => {
    const results = await search("yang dan di");
    assert.equal(results.empty, true);
    assert.equal(results.items.length, 0);
  });
});

describe("nothing unpublished is ever returned", () => {
  it("the demo draft and the 2027 embargo are not in the index", async () => {
    await fx.deps.search.flush();
    const ids = await fx.deps.search.index.ids();
    for (const article of [fx.draft, fx.embargoed, fx.unpublished]) assert.ok(!ids.includes(article.id));
    assert.equal((await search("Baliem")).total, 0);
    assert.equal((await search('"Draf Belum Terbit"')).total, 0);
  });

  for (const word of SECRET_WORDS)
    it(`search, related and suggestions never offer "${word}"`, async () => {
      assert.equal((await search(word)).total, 0);
      const secretIds = [fx.draft.id, fx.embargoed.id, fx.unpublished.id];
      const suggested = await fx.deps.search.suggestRelated(
        `Paragraf rahasia ${word} tentang tentara Korea Utara.`,
        20,
      );
      assert.ok(suggested.every((i) => !secretIds.includes(i.id)));
      if (fx.reference) {
        const related = await fx.deps.search.related(fx.reference.id, 20);
        assert.ok(related.every((i) => !secretIds.includes(i.id)));
      }
    });

  it("related stories exclude the article itself and are empty for a non-live article", async (t) => {
    if (!fx.reference) return t.skip("reference seed not available");
    const related = await fx.deps.search.related(fx.reference.id, 5);
    assert.ok(related.length > 0);
    assert.ok(related.every((i) => i.id !== fx.reference?.id));
    assert.deepEqual(await fx.deps.search.related(fx.draft.id, 5), []);
  });

  it("the time guard holds even if a future-dated document reached the index", async () => {
    const doc = {
      id: 999_999,
      headline: "opalmasadepan",
      lede: "",
      body: "",
      extra: "",
      sectionIds: [],
      tagIds: [],
      personIds: [],
      publishedAt: new Date(Date.now() + 86_400_000),
    };
    await fx.deps.search.index.upsert(doc);
    try {
      assert.equal((await search("opalmasadepan")).total, 0);
    } finally {
      await fx.deps.search.index.remove(doc.id);
    }
  });
});

describe("sync through domain events", () => {
  it("publish → searchable at once; update → new words; unpublish → gone; republish → back; delete → gone", async () => {
    const sectionId = (await fx.deps.sections.directory()).resolve(["nasional"])?.section.id;
    assert.ok(sectionId);
    const article = await buildArticle(fx.deps, {
      sectionId,
      headline: "Warga Menanam Pohon Trembesi di Tepi Kali",
      status: "draft",
    });
    assert.equal((await search("trembesi")).total, 0);
    const published = await fx.deps.articles.transition(article.id, "publish", SYSTEM_ACTOR);
    assert.deepEqual(
      (await search("trembesi")).items.map((i) => i.id),
      [article.id],
    );
    const updated = await fx.deps.articles.update(
      article.id,
      {
        headline: "Warga Menanam Pohon Mahoni di Tepi Kali",
        sectionId,
        body: bodyOf("Penanaman mahoni dilakukan serentak."),
      },
      SYSTEM_ACTOR,
      { expectedVersion: published.version },
    );
    assert.equal((await search("trembesi")).total, 0);
    assert.equal((await search("mahoni")).total, 1);
    await fx.deps.articles.transition(updated.id, "unpublish", SYSTEM_ACTOR);
    assert.equal((await search("mahoni")).total, 0);
    await fx.deps.articles.transition(updated.id, "publish", SYSTEM_ACTOR);
    assert.equal((await search("mahoni")).total, 1);
    await fx.deps.articles.remove(updated.id, SYSTEM_ACTOR);
    assert.equal((await search("mahoni")).total, 0);
  });

  it("scheduling does not index; reindex rebuilds exactly the live set", async () => {
    await fx.deps.search.flush();
    const before = await fx.deps.search.index.ids();
    const count = await fx.deps.search.reindex();
    const afterIds = await fx.deps.search.index.ids();
    assert.deepEqual(afterIds, before);
    assert.equal(count, afterIds.length);
    const live = await fx.deps.store.db
      .selectFrom("articles")
      .select("id")
      .where("status", "=", "published")
      .where("published_at", "<=", new Date().toISOString())
      .orderBy("id")
      .execute();
    assert.deepEqual(
      afterIds,
      live.map((r) => r.id),
    );
  });

  it("edited aliases apply to the next query", async () => {
    assert.equal((await search("Anginmamiri")).total, 0);
    const alias = await fx.deps.searchAliases.set(
      { term: "Anginmamiri", expansion: "Makassar" },
      SYSTEM_ACTOR,
    );
    assert.match((await search("Anginmamiri")).items[0]?.headline ?? "", /Makassar/);
    await fx.deps.searchAliases.remove(alias.id, SYSTEM_ACTOR);
    assert.equal((await search("Anginmamiri")).total, 0);
    await assert.rejects(
      fx.deps.searchAliases.set({ term: " ", expansion: "" }, SYSTEM_ACTOR),
      (error: { details?: unknown[] }) => error.details?.length === 2,
    );
  });
});
