import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { bodyDocumentSchema } from "../../content/body.schema.ts";
import { validateExtracted } from "../extracted-article.ts";
import { htmlFragmentToBlocks, safeHref } from "./html-blocks.ts";
import { parseHtmlArticle } from "./html.parser.ts";

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");

describe("parseHtmlArticle with JSON-LD (@graph) and OpenGraph", () => {
  const article = parseHtmlArticle(fixture("kompas-jsonld.html"));

  it("takes metadata from structured data", () => {
    assert.equal(article.headline, "Stasiun MRT Baru Diuji Coba, Warga Antusias Mencoba");
    assert.equal(article.section, "Megapolitan");
    assert.deepEqual(
      article.breadcrumb,
      ["Megapolitan", "Transportasi"],
      "ordered by position, root dropped",
    );
    assert.equal(article.publishedAt, "2024-10-24T12:05:00.000Z", "JSON-LD wins over article:published_time");
    assert.equal(article.timeZone, "Asia/Jakarta");
    assert.deepEqual(article.tags, ["MRT", "transportasi publik", "Jakarta"]);
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "Nadia Putri" },
      { role: "editor", name: "Bayu Saputra" },
    ]);
    assert.deepEqual(article.sources, [
      { name: "PT MRT Jakarta", url: "https://mrt.example.id/siaran-pers" },
    ]);
    assert.deepEqual(article.hero, {
      url: "https://img.kompas.test/mrt-hero.jpg",
      caption: "Penumpang mencoba kereta di stasiun baru, Kamis (24/10/2024).",
      credit: "KOMPAS.com/Nadia Putri",
    });
    assert.equal(article.lede, "Uji coba stasiun MRT fase dua menarik ribuan warga pada hari pertama.");
    assert.equal(article.sourceUrl, "https://contoh.kompas.test/read/2024/10/24/mrt-uji-coba");
  });

  it("turns the body into blocks with marks, dateline and Baca juga", () => {
    assert.deepEqual(article.dateline, { place: "JAKARTA", outlet: "KOMPAS.com" });
    assert.deepEqual(
      article.blocks.map((block) => block.type),
      ["paragraph", "paragraph", "related", "heading", "paragraph", "blockquote", "list", "paragraph"],
    );
    assert.deepEqual(article.blocks[0], {
      type: "paragraph",
      content: [
        { text: "Ribuan warga mencoba " },
        { text: "kereta", marks: [{ type: "italic" }] },
        { text: " di stasiun baru fase dua pada hari pertama uji coba." },
      ],
    });
    assert.deepEqual(article.related, ["Tarif MRT Fase Dua Diumumkan Pekan Depan"]);
    const links = JSON.stringify(article.blocks);
    assert.ok(links.includes("https://mrt.example.id/jadwal"));
    assert.ok(!links.includes("javascript:"), "unsafe link mark dropped");
    assert.ok(links.includes("tautan jahat"), "its text kept");
    assert.equal(bodyDocumentSchema.safeParse({ version: 1, blocks: article.blocks }).success, true);
  });

  it("drops chrome: scripts, prompts, source lines and everything after Berita Terkait", () => {
    const all = JSON.stringify({ ...article, dropped: [] });
    for (const chrome of ["Google News", "iklan", "Berita Lain", "Bagikan", "Hak cipta"]) {
      assert.ok(!all.includes(chrome), chrome);
    }
    const dropped = JSON.stringify(article.dropped);
    assert.ok(dropped.includes("Google News"), "prompts in the container are reported, not lost");
    assert.equal(article.paragraphs.at(-1), "Petugas menambah gerbong pada jam sibuk sore.");
    validateExtracted(article);
  });
});

describe("parseHtmlArticle without structured data (readability)", () => {
  const article = parseHtmlArticle(fixture("plain-readability.html"));

  it("falls back to the DOM for metadata", () => {
    assert.equal(article.headline, "Festival Bunaken Ramai Dikunjungi Wisatawan Mancanegara");
    assert.equal(article.publishedAt, "2024-11-04T05:45:00.000Z");
    assert.equal(article.timeZone, "Asia/Makassar");
    assert.deepEqual(article.breadcrumb, ["Daerah", "Sulawesi Utara"]);
    assert.equal(article.section, "Sulawesi Utara");
  });

  it("extracts the body with readability and applies the shared body pass", () => {
    assert.deepEqual(article.dateline, { place: "Manado", outlet: null });
    assert.deepEqual(article.related, ["Terumbu Karang Bunaken Pulih Setelah Larangan Jangkar"]);
    assert.deepEqual(article.credits, [
      { role: "penulis", name: "ant" },
      { role: "editor", name: "mdk" },
    ]);
    assert.equal(article.paragraphs.length, 4);
    assert.ok(article.paragraphs[3]?.endsWith("Asia Timur."));
    assert.equal(article.blocks.filter((block) => block.type === "blockquote").length, 1);
    const all = JSON.stringify(article);
    for (const chrome of ["Harga Cengkih", "Hubungi kami", "Olahraga"])
      assert.ok(!all.includes(chrome), chrome);
  });

  it("uses the given URL as source and base for relative links", () => {
    const withUrl = parseHtmlArticle(
      '<html><body><article><h1>Judul Berita Singkat</h1><p>Isi <a href="lain.html">tautan</a>.</p></article></body></html>',
      {
        url: "https://warta.example/berita/satu.html",
      },
    );
    assert.equal(withUrl.sourceUrl, "https://warta.example/berita/satu.html");
    assert.deepEqual(withUrl.blocks, [
      {
        type: "paragraph",
        content: [
          { text: "Isi " },
          { text: "tautan", marks: [{ type: "link", href: "https://warta.example/berita/lain.html" }] },
          { text: "." },
        ],
      },
    ]);
  });
});

describe("HTML body helpers", () => {
  it("keeps only safe hrefs", () => {
    assert.equal(safeHref("https://a.example/x", null), "https://a.example/x");
    assert.equal(safeHref("mailto:redaksi@warta.example", null), "mailto:redaksi@warta.example");
    assert.equal(safeHref("/berita/1", null), "/berita/1");
    assert.equal(safeHref("javascript:alert(1)", null), null);
    assert.equal(safeHref("data:text/html,x", null), null);
    assert.equal(safeHref("berita/1", null), null);
    assert.equal(safeHref("//cdn.example/a", null), "https://cdn.example/a");
  });

  it("splits loose text on double <br> and keeps nested bold+italic", () => {
    const blocks = htmlFragmentToBlocks(
      "Satu<br><br>Dua <b><i>tebal miring</i></b><br>lanjut<h4>Sub</h4><ol><li>a</li></ol>",
      null,
    );
    assert.deepEqual(blocks, [
      { type: "paragraph", content: [{ text: "Satu" }] },
      {
        type: "paragraph",
        content: [
          { text: "Dua " },
          { text: "tebal miring", marks: [{ type: "bold" }, { type: "italic" }] },
          { text: " lanjut" },
        ],
      },
      { type: "heading", level: 4, text: "Sub" },
      { type: "list", ordered: true, items: [[{ text: "a" }]] },
    ]);
  });

  it("reads plain-text fragments as paragraphs", () => {
    assert.deepEqual(htmlFragmentToBlocks("Paragraf satu.\n\nParagraf dua.", null), [
      { type: "paragraph", content: [{ text: "Paragraf satu." }] },
      { type: "paragraph", content: [{ text: "Paragraf dua." }] },
    ]);
  });
});
