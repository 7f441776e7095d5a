import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { analyzePage } from "./analyze-page.ts";
import {
  matchTrailingInitials,
  parseCreditLine,
  parseSourceLine,
  sourceFromText,
  splitNames,
} from "./common/credits.ts";
import { parseCaptionLine } from "./page-text/page-text.header.ts";
import { isImportError } from "./import-error.ts";

const fixture = (name: string): Uint8Array =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Runs `work` and returns its result with the wall time it took. */
function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

describe("nothing lost in silence: <, > and & are text", () => {
  const article = analyzePage("angle-brackets.txt", fixture("angle-brackets.txt"));

  it("keeps a headline with > and & (not a breadcrumb)", () => {
    assert.equal(article.headline, "Suku Bunga > 6 Persen & Cicilan <Rumah> Naik Tajam");
    assert.deepEqual(article.breadcrumb, ["Ekonomi", "Makro"]);
  });

  it("keeps paragraphs with <, > and pasted markup around a sentence, verbatim", () => {
    assert.equal(article.paragraphs.length, 4);
    assert.match(article.paragraphs[0] ?? "", /kini > 6 persen/u);
    assert.match(article.paragraphs[1] ?? "", /a < b .* <b>tebal<\/b>/u);
    assert.match(article.paragraphs[2] ?? "", /^<div class="kutipan">Kalimat ini/u);
    assert.match(article.paragraphs[3] ?? "", /Tom & Jerry/u);
  });

  it("reports the ad tag it left out, with the reason", () => {
    assert.deepEqual(
      article.dropped.map((drop) => drop.reason),
      ["iklan"],
    );
    assert.match(article.dropped[0]?.line ?? "", /^<a href='http:\/\/iklan/u);
  });
});

describe("pathological inputs finish within a second with a result or a clear reason", () => {
  it("30,000 spaces in credit and sign-off scanning", () => {
    const spaces = " ".repeat(30_000);
    for (const line of [`Penulis:${spaces}x`, `a${spaces}(`, `kata dia.${spaces}(ab${spaces}`]) {
      const credit = timed(() => parseCreditLine(line));
      const initials = timed(() => matchTrailingInitials(line));
      assert.ok(credit.ms < 1000 && initials.ms < 1000, `${credit.ms} ms / ${initials.ms} ms`);
      assert.equal(initials.value, null);
      for (const scan of [splitNames, sourceFromText, parseSourceLine, parseCaptionLine]) {
        const { ms } = timed(() => scan(line));
        assert.ok(ms < 1000, `${scan.name}: ${ms} ms`);
      }
    }
    assert.deepEqual(splitNames(`Ani${spaces}dan  Budi`), ["Ani", "Budi"]);
    assert.deepEqual(sourceFromText(`Kompas.com${spaces}(https://kompas.com/a)`), {
      name: "Kompas.com",
      url: "https://kompas.com/a",
    });
    const paragraph = `JAKARTA - Kalimat yang cukup panjang untuk dianggap prosa oleh pengurai.${spaces}(rfs/jbr)`;
    assert.deepEqual(matchTrailingInitials(paragraph)?.credits, [
      { role: "penulis", name: "rfs" },
      { role: "editor", name: "jbr" },
    ]);
    const page = `Judul Berita Yang Cukup Panjang\nKamis, 3 Desember 2026 10:15 WIB\n${paragraph}\n`;
    const { value, ms } = timed(() => analyzePage("spaces.txt", bytes(page)));
    assert.ok(ms < 1000, `${ms} ms`);
    assert.equal(value.headline, "Judul Berita Yang Cukup Panjang");
  });

  it("1,000 nested <div> give the article", () => {
    const html = `<html><head><title>Judul Berita Uji Coba</title></head><body>${"<div>".repeat(1000)}<p>Kalimat pertama yang cukup panjang untuk dianggap sebagai prosa oleh pengurai.</p>${"</div>".repeat(1000)}</body></html>`;
    const { value, ms } = timed(() => analyzePage("nested.html", bytes(html)));
    assert.ok(ms < 1000, `${ms} ms`);
    assert.equal(value.headline, "Judul Berita Uji Coba");
    assert.deepEqual(value.paragraphs, [
      "Kalimat pertama yang cukup panjang untuk dianggap sebagai prosa oleh pengurai.",
    ]);
  });

  it("nesting beyond the hard limit is refused with an Indonesian reason", () => {
    const html = `<html><head><title>Judul</title></head><body>${"<div>".repeat(5000)}<p>Teks.</p></body></html>`;
    const { ms } = timed(() =>
      assert.throws(
        () => analyzePage("deep.html", bytes(html)),
        (error) =>
          isImportError(error) && error.code === "too_complex" && /terlalu dalam/u.test(error.message),
      ),
    );
    assert.ok(ms < 1000, `${ms} ms`);
  });
});
