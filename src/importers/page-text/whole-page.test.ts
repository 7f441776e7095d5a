import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { analyzePage } from "../analyze-page.ts";
import type { ExtractedArticle } from "../extracted-article.ts";
import { findPrintedDateTime } from "../printed-date.ts";

const load = (name: string): ExtractedArticle =>
  analyzePage(name, readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))));

/** Every input line is in the story, in a field, or in `dropped`: nothing vanishes. */
function accountedFor(name: string, article: ExtractedArticle): void {
  const text = readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");
  const placed = [
    article.headline,
    ...article.paragraphs,
    ...article.related,
    ...article.tags,
    ...article.credits.map((credit) => credit.name),
    ...article.dropped.map((drop) => drop.line),
    ...article.breadcrumb,
    article.section ?? "",
    article.lede ?? "",
    article.hero?.caption ?? "",
  ].join("\n");
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (line === "") continue;
    // Lines that went into fields rather than text: the date line, credit lines, sign-offs.
    if (findPrintedDateTime(line) !== null && !article.dropped.some((drop) => drop.line === line)) continue;
    if (article.credits.some((credit) => line.toLowerCase().includes(credit.name.toLowerCase()))) continue;
    if (/^(sumber|tag)\s*:/iu.test(line) || /^(author|editor|jurnalis)$/iu.test(line)) continue;
    const probe = line.replace(/^.*? - /u, "").slice(0, 25);
    assert.ok(placed.includes(probe), `${name}: "${line}" is nowhere in the result`);
  }
}

describe("whole-page captures in outlet styles", () => {
  it("Liputan6 style: menu and headline box above, credit box, infographic and tags below", () => {
    const article = load("liputan6-style-page.txt");
    assert.equal(article.headline, "Kebun Raya Baru Dibuka untuk Umum di Kota Kembang");
    assert.equal(article.publishedAt, "2026-03-14T02:45:00.000Z");
    assert.deepEqual(article.dateline, { place: "Bandung", outlet: "Liputan6.com" });
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "Rina Maharani" },
      { role: "editor", name: "Yusuf Santosa" },
    ]);
    assert.equal(article.paragraphs.length, 5, "the Baca Juga box does not split the story");
    assert.match(article.paragraphs.at(-1) ?? "", /setiap akhir pekan\.$/u);
    assert.equal(article.related.length, 3);
    const reasons = new Map(article.dropped.map((drop) => [drop.line, drop.reason]));
    assert.equal(reasons.get("HEADLINE HARI INI"), "navigasi");
    assert.equal(reasons.get("Advertisement"), "iklan");
    assert.equal(reasons.get("Diperbarui 14 Mar 2026, 10:02 WIB"), "tanggal lain");
    assert.ok(article.dropped.some((drop) => drop.line.startsWith("Infografis Kebun Raya Baru (")));
    accountedFor("liputan6-style-page.txt", article);
  });

  it("Merdeka style: reporter with day name on the date line, sign-off ends the story before promos", () => {
    const article = load("merdeka-style-page.txt");
    assert.equal(article.headline, "Jalan Layang Baru Dibuka, Waktu Tempuh ke Bandara Terpangkas Separuh");
    assert.equal(article.publishedAt, "2026-02-06T06:20:00.000Z", "offset-less printed time is WIB");
    assert.notEqual(article.section, "Reporter : Aditya Pratama", "a byline before | is not a section");
    assert.deepEqual(article.credits[0], { role: "penulis", name: "Aditya Pratama" });
    assert.equal(article.paragraphs.length, 4);
    assert.ok(!article.paragraphs.some((p) => p.includes("Sosok Merdeka")));
    assert.ok(article.dropped.some((drop) => drop.line.includes("Sosok Merdeka")));
    accountedFor("merdeka-style-page.txt", article);
  });

  it("Okezone style: breaking-news ticker, name above its role label, share widgets", () => {
    const article = load("okezone-style-page.txt");
    assert.equal(article.headline, "Sekolah Rakyat Dibuka di 12 Kabupaten Mulai Juli");
    assert.equal(article.publishedAt, "2026-05-11T01:15:00.000Z");
    assert.deepEqual(article.credits, [{ role: "penulis", name: "Dimas Pratama" }]);
    assert.deepEqual(article.dateline, { place: "JAKARTA", outlet: null });
    assert.equal(article.paragraphs.length, 4);
    assert.ok(article.dropped.some((drop) => drop.line.startsWith("Breaking News: Gempa")));
    accountedFor("okezone-style-page.txt", article);
  });

  it("VIVA style: standfirst above the date line, breadcrumb, source line", () => {
    const article = load("viva-style-page.txt");
    assert.equal(article.headline, "Jepang Tutup Sementara Dua Gunung karena Aktivitas Vulkanik");
    assert.equal(article.publishedAt, "2026-03-20T06:12:00.000Z");
    assert.deepEqual(article.breadcrumb, ["Berita", "Dunia"]);
    assert.deepEqual(article.credits, [{ role: "penulis", name: "Andreas Wicaksono" }]);
    assert.match(article.paragraphs[0] ?? "", /^Otoritas Jepang menutup/u, "the standfirst is not the body");
    assert.equal(
      article.lede,
      "Pemerintah Jepang menutup jalur pendakian di dua gunung setelah status vulkanik naik.",
    );
    assert.deepEqual(article.sources, [{ name: "Reuters" }]);
  });

  it("ANTARA wire copy: dateline, agency as source, credits, copyright footer dropped", () => {
    const article = load("antara-wire.txt");
    assert.deepEqual(article.dateline, { place: "Jakarta", outlet: "ANTARA" });
    assert.deepEqual(article.sources, [{ name: "ANTARA" }]);
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "Budi Santoso" },
      { role: "editor", name: "Citra Lestari" },
    ]);
    assert.deepEqual(article.dropped, [{ line: "COPYRIGHT © ANTARA 2026", reason: "kaki halaman" }]);
  });
});
