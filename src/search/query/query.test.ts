import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createAnalyzer } from "../analyzer/analyzer.ts";
import { bestCandidates, boundedEditDistance } from "../edit-distance.ts";
import { createUnavailableIndex } from "../unavailable.index.ts";
import { compileMatch, compileQuery as compileFts } from "../sqlite/fts5-match.ts";
import { buildAliasTable, compileQuery } from "./compile-query.ts";
import { parseQuery } from "./parse-query.ts";
import { API_PARAMS, endOfWibDay, parseSearchParams, SITE_PARAMS, startOfWibDay } from "./search-params.ts";
import { highlightText, segmentsToText, snippet } from "./snippet.ts";

const analyzer = createAnalyzer();

describe("parseQuery", () => {
  it("reads words, quoted phrases and exclusions through the analyzer", () => {
    const { clauses } = parseQuery('Menegaskan "pertahanan bersama" -Rusia -"Korea Selatan"', analyzer);
    assert.deepEqual(
      clauses.map((c) => [c.tokens.map((t) => t.stem).join(" "), c.phrase, c.negated]),
      [
        ["tegas", false, false],
        ["tahan sama", true, false],
        ["rusia", false, true],
        ["korea selatan", true, true],
      ],
    );
  });

  it("drops stop words and empty pieces; an unclosed quote still counts as a phrase", () => {
    const { clauses } = parseQuery('yang - "" "pakta pertahanan', analyzer);
    assert.equal(clauses.length, 1);
    assert.equal(clauses[0]?.phrase, true);
  });
});

describe("compileQuery", () => {
  const aliases = buildAliasTable([{ term: "Korut", expansion: "Korea Utara" }], analyzer);

  it("expands aliases both ways and marks every alternative for highlighting", async () => {
    const index = createUnavailableIndex();
    const one = await compileQuery(parseQuery("Korut", analyzer), { aliases, index, analyzer, typos: false });
    assert.equal(compileMatch(one.match as never), '("korut" OR "korea utara")');
    const two = await compileQuery(parseQuery("tentara Korea Utara", analyzer), {
      aliases,
      index,
      analyzer,
      typos: false,
    });
    assert.equal(compileMatch(two.match as never), '("tentara" AND ("korea utara" OR "korut"))');
    assert.deepEqual([...two.highlight].sort(), ["korea", "korut", "tentara", "utara"]);
  });

  it("replaces a word the index does not know with the nearest indexed stem", async () => {
    const index = {
      ...createUnavailableIndex(),
      documentFrequency: async (term: string) => (term === "vladimir" || term === "putin" ? 3 : 0),
      similarTerms: async (term: string) => (term === "vladimr" ? [{ term: "vladimir", documents: 3 }] : []),
    };
    const compiled = await compileQuery(parseQuery("Vladimr Putin", analyzer), { aliases, index, analyzer });
    assert.deepEqual(compiled.corrections, [{ from: "vladimr", to: "vladimir" }]);
    assert.equal(compileMatch(compiled.match as never), '("vladimir" AND "putin")');
  });

  it("keeps a dictionary word the index does not know: it is spelt right, not a typo of a neighbour", async () => {
    const index = {
      ...createUnavailableIndex(),
      documentFrequency: async (term: string) => (term === "tenggara" ? 3 : 0),
      similarTerms: async (term: string) => (term === "tentara" ? [{ term: "tenggara", documents: 3 }] : []),
    };
    const compiled = await compileQuery(parseQuery("tentara", analyzer), { aliases, index, analyzer });
    assert.deepEqual(compiled.corrections, []);
    assert.equal(compileMatch(compiled.match as never), '"tentara"');
  });

  it("only exclusions match nothing", async () => {
    const compiled = await compileQuery(parseQuery("-banjir", analyzer), {
      aliases,
      index: createUnavailableIndex(),
      analyzer,
    });
    assert.equal(compiled.match, null);
  });
});

describe("FTS5 expressions", () => {
  it("quote every term, so query text never becomes syntax", () => {
    const expression = compileFts({
      match: { kind: "term", term: 'a" OR b NEAR(' },
      exclude: [{ kind: "term", term: "c" }],
      facets: [["s1", "s2"], ["t3"]],
    });
    assert.equal(
      expression,
      '(facets : ("s1" OR "s2") AND facets : ("t3") AND {headline lede body extra} : ("a"" OR b NEAR(")) NOT {headline lede body extra} : ("c")',
    );
  });
});

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and transpositions, bounded", () => {
    assert.equal(boundedEditDistance("vladimr", "vladimir", 2), 1);
    assert.equal(boundedEditDistance("makasar", "makassar", 1), 1);
    assert.equal(boundedEditDistance("jakrata", "jakarta", 1), 1);
    assert.equal(boundedEditDistance("putin", "rusia", 2), 3);
  });

  it("picks typo candidates by distance then documents, counting no further distance than needed", async () => {
    const documents: Record<string, number> = { vladimir: 40, vladimar: 3, vladimirr: 0, vlodimor: 900 };
    const counted: string[] = [];
    const count = (term: string) => {
      counted.push(term);
      return documents[term] ?? 0;
    };
    const near = [
      { term: "vlodimor", distance: 2 },
      { term: "vladimar", distance: 1 },
      { term: "vladimirr", distance: 1 },
      { term: "vladimir", distance: 1 },
    ];
    assert.deepEqual(await bestCandidates(near, 1, count), [{ term: "vladimir", documents: 40 }]);
    assert.deepEqual(counted.sort(), ["vladimar", "vladimir", "vladimirr"], "distance 2 never counted");
    assert.deepEqual(
      (await bestCandidates(near, 3, count)).map((c) => c.term),
      ["vladimir", "vladimar", "vlodimor"],
    );
  });
});

describe("snippets", () => {
  const stems = new Set(["tahan", "sama"]);

  it("mark the original words, offsets exact", () => {
    const text = "Terserah Moskow menjalankan pakta pertahanan bersamanya.";
    const segments = highlightText(text, stems, analyzer);
    assert.equal(segmentsToText(segments), text);
    assert.deepEqual(
      segments.filter((s) => s.mark).map((s) => s.text),
      ["pertahanan", "bersamanya"],
    );
  });

  it("cut long text around the matches, with ellipses", () => {
    const filler = "Lorem kata pengisi biasa saja. ".repeat(30);
    const text = `${filler}Pakta pertahanan bersamanya diuji. ${filler}`;
    const segments = snippet(text, stems, analyzer, 120);
    const flat = segmentsToText(segments);
    assert.ok(flat.startsWith("… ") && flat.endsWith(" …"));
    assert.ok(flat.length <= 130);
    assert.ok(segments.some((s) => s.mark && s.text === "pertahanan"));
  });
});

describe("search parameters", () => {
  const defaults = { pageSize: 10, maxPageSize: 50 };

  it("reads the site's Indonesian names and the API's English ones", () => {
    const site = parseSearchParams(
      {
        q: " banjir ",
        rubrik: "dunia/asia",
        dari: "2024-10-01",
        sampai: "2024-10-31",
        urut: "terbaru",
        halaman: "2",
      },
      SITE_PARAMS,
      defaults,
    );
    assert.deepEqual(site, {
      q: "banjir",
      section: "dunia/asia",
      tag: undefined,
      person: undefined,
      from: "2024-10-01",
      to: "2024-10-31",
      sort: "date",
      page: 2,
      pageSize: 10,
    });
    assert.equal(
      parseSearchParams({ q: "x", sort: "date", pageSize: "50" }, API_PARAMS, defaults).pageSize,
      50,
    );
  });

  it("reports every bad field", () => {
    assert.throws(
      () =>
        parseSearchParams(
          { q: ["a", "b"], dari: "2024-02-30", sampai: "2024-01-01", urut: "x", halaman: "0", tag: "A B" },
          SITE_PARAMS,
          defaults,
        ),
      (error: { details: { field: string }[] }) =>
        error.details.map((d) => d.field).join(",") === "q,tag,dari,urut,halaman",
    );
  });

  it("a day is a WIB calendar day", () => {
    assert.equal(startOfWibDay("2024-10-25")?.toISOString(), "2024-10-24T17:00:00.000Z");
    assert.equal(endOfWibDay("2024-10-25")?.toISOString(), "2024-10-25T16:59:59.999Z");
    assert.equal(startOfWibDay("2024-13-01"), null);
  });
});
