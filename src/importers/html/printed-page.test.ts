import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseMachineDate } from "../indonesian-date.ts";
import { parseHtmlArticle } from "./html.parser.ts";
import { headlineOverlap, siteNames, stripSiteName } from "./title.ts";

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");

describe("HTML titles without the site name", () => {
  it("strips the site name given by og:site_name, application-name or the host, at either end", () => {
    const names = siteNames("ZonaKota.com", null, "https://www.zonakota.example.id/a");
    assert.equal(stripSiteName("Pasar Ramai Lagi - ZonaKota.com", names), "Pasar Ramai Lagi");
    assert.equal(stripSiteName("Zona Kota | Pasar Ramai Lagi - Zona Kota", names), "Pasar Ramai Lagi");
    assert.equal(
      stripSiteName(
        "Kadishub DKI: Taksi Tak Punya Izin - Kompas.com Bola",
        siteNames(null, null, "https://bola.kompas.com/x"),
      ),
      "Kadishub DKI: Taksi Tak Punya Izin",
    );
    assert.equal(
      stripSiteName("Suku Bunga > 6 Persen - Nasional", names),
      "Suku Bunga > 6 Persen - Nasional",
    );
  });

  it("prefers the printed headline (punctuation kept) when it is the same story", () => {
    const article = parseHtmlArticle(fixture("site-name-title.html"));
    assert.equal(article.headline, "Pasar Terapung Kembali Ramai Setelah Renovasi Dermaga");
    assert.ok(
      headlineOverlap("IHSG Hari Ini: Sempat Tembus 9.000", "IHSG Hari Ini Sempat Tembus 9.000") === 1,
    );
  });
});

describe("HTML publication time", () => {
  it("reads a meta time without an offset as WIB", () => {
    assert.deepEqual(parseMachineDate("2026-04-02 10:30:00"), {
      iso: "2026-04-02T03:30:00.000Z",
      timeZone: "Asia/Jakarta",
    });
    assert.equal(parseMachineDate("2015-06-16T14-05-11Z")?.iso, "2015-06-16T14:05:11.000Z");
    assert.equal(parseMachineDate("2015-06-19T03:40:00+07:00Z")?.iso, "2015-06-18T20:40:00.000Z");
    const article = parseHtmlArticle(fixture("site-name-title.html"));
    assert.equal(article.publishedAt, "2026-04-02T03:30:00.000Z");
  });

  it("takes the printed date line (WITA applied) when the page has no machine date", () => {
    const article = parseHtmlArticle(fixture("printed-date-only.html"));
    assert.equal(article.publishedAt, "2026-03-09T08:45:00.000Z");
    assert.equal(article.timeZone, "Asia/Makassar");
    assert.deepEqual(article.credits, [{ role: "penulis", name: "Ahmad Rifai" }]);
  });

  it("prefers the printed time when a meta time disagrees (wrong offset)", () => {
    const html = fixture("site-name-title.html").replace(
      'content="2026-04-02 10:30:00"',
      'content="2026-04-02T10:30:00-07:00"',
    );
    assert.equal(parseHtmlArticle(html).publishedAt, "2026-04-02T03:30:00.000Z");
  });
});

describe("HTML bylines and body", () => {
  it("reads printed authors and editors and ends the body at the last sentence", () => {
    const article = parseHtmlArticle(fixture("site-name-title.html"));
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "Sari Wulandari" },
      { role: "editor", name: "Hendra Gunawan" },
    ]);
    assert.deepEqual(article.dateline, { place: "BANJARMASIN", outlet: "ZONAKOTA.COM" });
    assert.equal(article.paragraphs.length, 3);
    assert.match(article.paragraphs.at(-1) ?? "", /tidak terlalu panjang\.$/u);
    assert.ok(!article.related.includes("Harga Cabai Turun"));
  });
});
