import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzePage, extractDocument } from "./analyze-page.ts";
import { isImportError } from "./import-error.ts";

/**
 * Property-based checks of the importers: no input makes them throw anything but an ImportError
 * (a one-line reason the bulk report can print), and none runs past a time limit (no
 * catastrophic backtracking on hostile text).
 */
const TIME_LIMIT_MS = 2_000;

const fragment = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom(
    "JAKARTA, KOMPAS.com - ",
    "Kamis, 24 Oktober 2024 | 20:08 WIB",
    "25/10/2024, 01:08 WIB",
    "Baca Juga: ",
    "Penulis : Haryo Jati",
    "Editor: Desy",
    "Sumber: The New York Times",
    "a > b dan c < d",
    "<script>alert(1)</script>",
    "Home > Nasional > Politik",
    "Terpopuler",
    "Berita Terkait",
    "Bagikan",
    "\u0000",
    "\t",
    " ".repeat(50),
    "x".repeat(3_000),
    "-".repeat(400),
    "((((((((((((((((((((",
  ),
);
const pageText = fc.array(fragment, { maxLength: 80 }).map((lines) => lines.join("\n"));

const tag = fc.constantFrom(
  "p",
  "div",
  "h1",
  "h2",
  "article",
  "time",
  "a",
  "script",
  "meta",
  "figure",
  "figcaption",
  "ul",
  "li",
  "br",
  "span",
  "table",
);
const attribute = fc.oneof(
  fc.constant(""),
  fc.constantFrom(
    ' class="article-content"',
    ' property="og:title" content="Judul | Situs"',
    ' datetime="2024-10-25T08:08:00"',
    ' href="javascript:alert(1)"',
    ' href="/\\evil.example"',
    ' type="application/ld+json"',
    ' itemprop="datePublished" content="not a date"',
  ),
);
const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fragment,
    fc
      .tuple(tag, attribute, fc.array(tie("node"), { maxLength: 4 }), fc.boolean())
      .map(
        ([name, attrs, children, closed]) =>
          `<${name}${attrs}>${children.join("")}${closed ? `</${name}>` : ""}`,
      ),
  ),
})).node;
const htmlPage = fc
  .tuple(fc.string({ maxLength: 40 }), fc.array(element, { maxLength: 12 }))
  .map(
    ([title, body]) =>
      `<!doctype html><html><head><title>${title}</title></head><body>${body.join("")}</body></html>`,
  );

const feedItem = fc
  .tuple(fragment, fragment, fc.constantFrom("Fri, 25 Oct 2024 01:08:00 +0000", "kemarin", "", "2024-13-45"))
  .map(
    ([title, body, date]) =>
      `<item><title>${title}</title><description><![CDATA[${body}]]></description><pubDate>${date}</pubDate></item>`,
  );
const feed = fc
  .array(feedItem, { maxLength: 5 })
  .map(
    (items) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.join("")}</channel></rss>`,
  );

function survives(run: () => unknown): void {
  const started = performance.now();
  try {
    run();
  } catch (error) {
    if (!isImportError(error)) throw error;
    assert.doesNotMatch(error.message, /\n/);
  }
  const elapsed = performance.now() - started;
  assert.ok(elapsed < TIME_LIMIT_MS, `took ${Math.round(elapsed)} ms`);
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("importer properties", () => {
  it("captured page text: a result or an ImportError, within the time limit", () => {
    fc.assert(
      fc.property(pageText, (text) => survives(() => analyzePage("halaman.txt", bytes(text)))),
      { numRuns: 300 },
    );
  });

  it("HTML pages: a result or an ImportError, within the time limit", () => {
    fc.assert(
      fc.property(htmlPage, (page) =>
        survives(() => analyzePage("halaman.html", bytes(page), { url: "https://outlet.example/a" })),
      ),
      { numRuns: 300 },
    );
  });

  it("feeds: every item extracted or the feed refused with an ImportError", () => {
    fc.assert(
      fc.property(feed, (xml) => survives(() => extractDocument("feed.xml", bytes(xml)))),
      { numRuns: 200 },
    );
  });

  it("hostile XML: nested entities stay unexpanded, external entities are refused with an ImportError", () => {
    const rss = (doctype: string, title: string) =>
      bytes(
        `<?xml version="1.0"?>${doctype}<rss version="2.0"><channel><title>t</title>` +
          `<item><title>${title}</title><description>isi</description></item></channel></rss>`,
      );
    const levels = Array.from({ length: 8 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join(
      "",
    );
    survives(() => {
      const result = extractDocument("lol.xml", rss(`<!DOCTYPE r [<!ENTITY l0 "lol">${levels}]>`, "&l8;"));
      assert.ok(result.format === "rss" && result.articles[0]!.headline.length < 100);
    });
    assert.throws(
      () => extractDocument("xxe.xml", rss('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;")),
      (error: unknown) => isImportError(error) && error.code === "invalid_xml",
    );
  });

  it("a control character before a tag in an .html file gives a result or an ImportError (found by fast-check)", () => {
    survives(() => extractDocument("x.html", new Uint8Array([14, 60, 65])));
  });

  it("arbitrary bytes under any name: a result or an ImportError", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2_000 }),
        fc.constantFrom("x.txt", "x.html", "x.xml", "x.json", "x"),
        (data, name) => survives(() => extractDocument(name, data)),
      ),
      { numRuns: 300 },
    );
  });
});
