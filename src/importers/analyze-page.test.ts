import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  analyzePage,
  analyzePageFile,
  EXTRACTED_KEYS,
  extractDocument,
  formatExtractedJson,
} from "./analyze-page.ts";
import { isImportError } from "./import-error.ts";

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const fixture = (name: string): Uint8Array => readFileSync(fixturePath(name));
const SEED = fileURLToPath(new URL("../../../shared/seed/000_fd53d87d1266522a.txt", import.meta.url));

describe("analyzePage", () => {
  it("dispatches captured text and HTML", () => {
    assert.equal(analyzePage("detik-style.txt", fixture("detik-style.txt")).format, "page-text");
    assert.equal(analyzePage("kompas-jsonld.html", fixture("kompas-jsonld.html")).format, "html");
  });

  it("prints the documented keys in a stable order", () => {
    const json = formatExtractedJson(analyzePage("tempo-style.txt", fixture("tempo-style.txt")));
    assert.ok(json.endsWith("}\n"));
    assert.deepEqual(Object.keys(JSON.parse(json) as object), [...EXTRACTED_KEYS]);
    for (const key of [
      "headline",
      "section",
      "publishedAt",
      "dateline",
      "credits",
      "sources",
      "hero",
      "related",
      "tags",
      "paragraphs",
    ]) {
      assert.ok((EXTRACTED_KEYS as readonly string[]).includes(key), key);
    }
  });

  it(
    "the seed file analyses to the acceptance fields",
    { skip: existsSync(SEED) ? false : `seed file not found at ${SEED}` },
    async () => {
      const parsed = JSON.parse(formatExtractedJson(await analyzePageFile(SEED))) as Record<string, unknown>;
      assert.equal(parsed["section"], "Kompas dunia");
      assert.equal(parsed["publishedAt"], "2024-10-25T01:08:00.000Z");
      assert.deepEqual(parsed["dateline"], { place: "KAZAN", outlet: "KOMPAS.TV" });
      assert.equal((parsed["related"] as unknown[]).length, 2);
    },
  );

  it("refuses feeds, exports and non-articles with one-line reasons", () => {
    const refuses = (name: string, bytes: Uint8Array, code: string): void =>
      assert.throws(
        () => analyzePage(name, bytes),
        (error: unknown) => isImportError(error) && error.code === code && !error.message.includes("\n"),
        name,
      );
    refuses("rss-feed.xml", fixture("rss-feed.xml"), "unsupported_format");
    refuses("chrome-only.txt", fixture("chrome-only.txt"), "no_headline");
    refuses("impossible-date.txt", fixture("impossible-date.txt"), "invalid_date");
    refuses("binary-junk.bin", fixture("binary-junk.bin"), "binary_file");
    refuses(
      "kosong.html",
      new TextEncoder().encode("<html><body><nav>Menu</nav></body></html>"),
      "no_headline",
    );
  });

  it("uses a given URL as sourceUrl", () => {
    const article = analyzePage("cnn-style.txt", fixture("cnn-style.txt"), {
      url: "https://contoh.example/gempa",
    });
    assert.equal(article.sourceUrl, "https://contoh.example/gempa");
  });
});

describe("extractDocument", () => {
  it("returns every article of a feed, unvalidated", () => {
    const result = extractDocument("wordpress-export.xml", fixture("wordpress-export.xml"));
    assert.equal(result.format, "wxr");
    assert.ok("articles" in result);
    assert.equal(result.articles.length, 2);
  });

  it("hands Warta JSON exports back as text", () => {
    const result = extractDocument("ekspor.json", new TextEncoder().encode('{"warta":{"version":1}}'));
    assert.deepEqual(result, { format: "warta-json", text: '{"warta":{"version":1}}' });
  });

  it("throws invalid_xml for broken feeds", () => {
    assert.throws(
      () => extractDocument("invalid.xml", fixture("invalid.xml")),
      (error: unknown) => isImportError(error) && error.code === "invalid_xml",
    );
  });
});
