import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { bodyDocumentSchema } from "../../content/body.schema.ts";
import { validateExtracted, type ExtractedArticle } from "../extracted-article.ts";
import { isImportError } from "../import-error.ts";
import { parsePageText } from "./page-text.parser.ts";

/** The story as imported: every field but the report of dropped lines. */
const story = (article: ExtractedArticle): string => JSON.stringify({ ...article, dropped: [] });
const reasonOf = (article: ExtractedArticle, text: string): string | undefined =>
  article.dropped.find((drop) => drop.line.includes(text))?.reason;

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");

const SEED = fileURLToPath(new URL("../../../../shared/seed/000_fd53d87d1266522a.txt", import.meta.url));
const seedMissing = existsSync(SEED) ? false : `seed file not found at ${SEED}; skipping the acceptance test`;

describe("parsePageText on the reference seed page", { skip: seedMissing }, () => {
  const raw = seedMissing ? "" : readFileSync(SEED, "utf8");
  const article = seedMissing ? null : parsePageText(raw);
  const lines = raw.split("\n").map((line) => line.trim());

  it("reads the header: headline, section, time, hero", () => {
    assert.ok(article);
    assert.equal(article.headline, lines[2]);
    assert.equal(article.section, "Kompas dunia");
    assert.deepEqual(article.breadcrumb, ["Kompas dunia"]);
    assert.equal(article.publishedAt, "2024-10-25T01:08:00.000Z");
    assert.equal(article.timeZone, "Asia/Jakarta");
    assert.match(article.hero?.caption ?? "", /^Presiden Rusia Vladimir Putin .* 23 Oktober 2024\.$/u);
    assert.equal(article.hero?.credit, "BRICS 2024");
  });

  it("reads dateline, credits and sources", () => {
    assert.ok(article);
    assert.deepEqual(article.dateline, { place: "KAZAN", outlet: "KOMPAS.TV" });
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "Haryo Jati" },
      { role: "editor", name: "Desy-Afrianti" },
    ]);
    assert.deepEqual(article.sources, [{ name: "The New York Times" }]);
  });

  it("keeps every body paragraph verbatim, in order, with Baca Juga at its position", () => {
    assert.ok(article);
    const start = lines.findIndex((line) => line.startsWith("KAZAN, KOMPAS.TV - "));
    const end = lines.findIndex((line) => line.startsWith("Penulis :"));
    const expected = lines
      .slice(start, end)
      .filter((line) => line !== "" && !line.startsWith("Baca Juga:"))
      .map((line, i) => (i === 0 ? line.replace("KAZAN, KOMPAS.TV - ", "") : line));
    assert.deepEqual(article.paragraphs, expected);
    assert.ok(
      article.paragraphs.some((p) => p.includes("bahwa\u00a0 kepemimpinan")),
      "double space kept",
    );
    assert.equal(article.related.length, 2);
    const relatedAt = article.blocks.flatMap((block, i) => (block.type === "related" ? [i] : []));
    assert.deepEqual(relatedAt, [3, 15]);
    assert.equal(article.blocks.filter((block) => block.type === "blockquote").length, 3);
  });

  it("drops page chrome and passes validation and the body schema", () => {
    assert.ok(article);
    const all = story(article);
    for (const chrome of ["TERBARU", "Penulis :", "Sumber :", "> >"])
      assert.ok(!all.includes(chrome), chrome);
    assert.equal(reasonOf(article, "TERBARU"), "daftar berita terkait");
    validateExtracted(article);
    assert.equal(bodyDocumentSchema.safeParse({ version: 1, blocks: article.blocks }).success, true);
  });
});

describe("parsePageText on outlet styles", () => {
  it("Kompas.com style: breadcrumb, WITA, en dash dateline, lowercase Baca juga, several sources", () => {
    const article = parsePageText(fixture("kompas-com.txt"));
    assert.equal(article.section, "Regional");
    assert.deepEqual(article.breadcrumb, ["Regional", "Makassar"]);
    assert.equal(article.publishedAt, "2024-03-12T06:20:00.000Z");
    assert.equal(article.timeZone, "Asia/Makassar");
    assert.deepEqual(article.dateline, { place: "MAKASSAR", outlet: "KOMPAS.com" });
    assert.deepEqual(article.hero, {
      caption: "Pedagang menata sayur di atas perahu di Kanal Jongaya, Makassar, Selasa (12/3/2024).",
      credit: "KOMPAS.com/Andi Rahmat",
    });
    assert.deepEqual(article.related, ["Harga Cabai di Makassar Turun Menjelang Ramadhan"]);
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "Andi Rahmat" },
      { role: "editor", name: "Sari Wulandari" },
      { role: "editor", name: "Yusuf Hamka" },
    ]);
    assert.deepEqual(
      article.sources.map((s) => s.name),
      ["Dinas Perdagangan Kota Makassar", "Kompas.com", "Antara"],
    );
    assert.equal(article.paragraphs.length, 4);
    assert.equal(article.blocks[3]?.type, "blockquote", "straight-quote paragraph is a quote");
    assert.ok(!story(article).includes("Google News"));
    assert.ok(!story(article).includes("Jalan Tol"), "everything after TERPOPULER dropped");
    assert.equal(reasonOf(article, "Google News"), "ajakan berbagi atau mengikuti");
    assert.equal(reasonOf(article, "Jalan Tol"), "daftar berita terkait");
  });

  it("Detik style: plain `Jakarta -` dateline, byline, trailing initials", () => {
    const article = parsePageText(fixture("detik-style.txt"));
    assert.equal(
      article.headline,
      "Banjir Rendam Tiga Kecamatan di Bandung Selatan, Ratusan Warga Mengungsi",
    );
    assert.deepEqual(article.breadcrumb, ["detikNews", "Berita", "Jawa Barat"]);
    assert.equal(article.section, "Jawa Barat");
    assert.equal(article.publishedAt, "2024-10-24T12:05:00.000Z");
    assert.deepEqual(article.dateline, { place: "Bandung", outlet: null });
    // The byline names the penulis, so only the editor's initials are added.
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "Rizky Pratama" },
      { role: "editor", name: "jbr" },
    ]);
    assert.equal(
      article.paragraphs.at(-1),
      "Hingga malam ini, sebanyak 312 warga masih bertahan di tempat pengungsian.",
    );
    assert.ok(!story(article).includes("Simak"));
    assert.ok(!story(article).includes("Gubernur Tinjau"));
    assert.equal(reasonOf(article, "Gubernur Tinjau"), "daftar berita terkait");
  });

  it("Tempo style: outlet-first dateline, Reporter/Editor lines, Pilihan Editor, tags", () => {
    const article = parsePageText(fixture("tempo-style.txt"));
    assert.equal(article.section, "Nasional");
    assert.deepEqual(article.dateline, { place: "Jakarta", outlet: "TEMPO.CO" });
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "Sita Dewi" },
      { role: "editor", name: "Bagus Pranoto" },
    ]);
    assert.deepEqual(article.hero, {
      caption: "Gedung Merah Putih KPK di Kuningan, Jakarta.",
      credit: "TEMPO/Imam Sukamto",
    });
    assert.deepEqual(article.related, ["Kejaksaan Sita Aset Mantan Kepala Dinas di Tiga Kota"]);
    assert.deepEqual(article.tags, ["KPK", "korupsi", "Jalan Lingkar"]);
    assert.equal(article.paragraphs.length, 3);
  });

  it("CNN Indonesia style: outlet before `|` is not a section, WIT, `--` dateline, glued initials", () => {
    const article = parsePageText(fixture("cnn-style.txt"));
    assert.equal(article.section, "Internasional");
    assert.equal(article.publishedAt, "2024-10-25T22:40:00.000Z");
    assert.equal(article.timeZone, "Asia/Jayapura");
    assert.deepEqual(article.dateline, { place: "Jakarta", outlet: "CNN Indonesia" });
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "dna" },
      { role: "editor", name: "dna" },
    ]);
    assert.deepEqual(article.sources, [{ name: "BMKG" }, { name: "USGS" }]);
    assert.equal(article.paragraphs.at(-1), "BMKG memastikan gempa tersebut tidak berpotensi tsunami.");
    assert.ok(!story(article).includes("Susulan"));
    assert.equal(reasonOf(article, "Susulan"), "daftar berita terkait");
  });

  it("a bare page with CRLF line ends and an em dash dateline", () => {
    const article = parsePageText(fixture("no-header-crlf.txt"));
    assert.equal(article.headline, "Warga Gotong Royong Bersihkan Pantai Losari");
    assert.equal(article.publishedAt, null);
    assert.deepEqual(article.dateline, { place: "Makassar", outlet: null });
    assert.equal(article.paragraphs.length, 2);
    assert.ok(article.paragraphs.every((p) => !p.includes("\r")));
  });

  it("without header lines the body starts right under the headline", () => {
    const text =
      "Sekolah Rakyat Dibuka di Sorong\nSorong - Paragraf satu.\nParagraf dua.\nParagraf tiga.\nParagraf empat.";
    const article = parsePageText(text);
    assert.equal(article.headline, "Sekolah Rakyat Dibuka di Sorong");
    assert.deepEqual(article.paragraphs, [
      "Paragraf satu.",
      "Paragraf dua.",
      "Paragraf tiga.",
      "Paragraf empat.",
    ]);
  });

  it("an impossible date fails with invalid_date", () => {
    assert.throws(
      () => parsePageText(fixture("impossible-date.txt")),
      (error: unknown) =>
        isImportError(error) && error.code === "invalid_date" && /31 Februari/u.test(error.message),
    );
  });

  it("a page of chrome only has no headline or body", () => {
    const article = parsePageText(fixture("chrome-only.txt"));
    assert.equal(article.headline, "");
    assert.throws(
      () => validateExtracted(article),
      (error: unknown) => isImportError(error) && (error.code === "no_headline" || error.code === "no_body"),
    );
  });

  it("keeps a headline but reports a missing body", () => {
    const article = parsePageText("Judul Tanpa Isi Sama Sekali\n\nTERBARU\nBerita lain\n");
    assert.equal(article.headline, "Judul Tanpa Isi Sama Sekali");
    assert.throws(
      () => validateExtracted(article),
      (error: unknown) =>
        isImportError(error) && error.code === "no_body" && /Isi artikel/u.test(error.message),
    );
  });

  it("takes a short headline under a short kicker (no line over 40 characters)", () => {
    const article = parsePageText(
      "Nasional\nHarga Cabai Turun Lagi\nNasional | 3 Maret 2024, 10:15 WIB\nIsi berita.\n",
    );
    assert.equal(article.section, "Nasional");
    assert.equal(article.headline, "Harga Cabai Turun Lagi");
    assert.deepEqual(article.paragraphs, ["Isi berita."]);
  });
});
