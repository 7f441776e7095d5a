import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { bodyDocumentSchema } from "../../content/body.schema.ts";
import { validateExtracted } from "../extracted-article.ts";
import { isImportError } from "../import-error.ts";
import { parseAtom } from "./atom.parser.ts";
import { parseFeed } from "./parse-feed.ts";
import { parseRss } from "./rss.parser.ts";
import { parseWxr } from "./wxr.parser.ts";

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), "utf8");

const bodyIsValid = (blocks: unknown): boolean =>
  bodyDocumentSchema.safeParse({ version: 1, blocks }).success;

describe("parseRss", () => {
  const [kapal, pala] = parseRss(fixture("rss-feed.xml"));

  it("maps content:encoded, dc:creator, category and media:content", () => {
    assert.ok(kapal);
    assert.equal(kapal.format, "rss");
    assert.equal(kapal.status, "published");
    assert.equal(kapal.headline, "Kapal Perintis Kembali Layani Rute Ambon–Banda");
    assert.equal(kapal.sourceUrl, "https://timur.example.id/2024/10/kapal-perintis-banda");
    assert.equal(kapal.publishedAt, "2024-10-25T23:30:00.000Z");
    assert.equal(kapal.timeZone, "Asia/Jayapura");
    assert.equal(kapal.section, "Maluku");
    assert.deepEqual(kapal.tags, ["transportasi laut"]);
    assert.deepEqual(kapal.credits, [
      { role: "penulis", name: "Maria Latuconsina" },
      { role: "editor", name: "Frans Tuhumury" },
    ]);
    assert.deepEqual(kapal.hero, {
      url: "https://timur.example.id/img/kapal.jpg",
      caption: "KM Sabuk Nusantara bersandar di Pelabuhan Yos Sudarso, Ambon.",
      credit: "Warta Timur/Maria Latuconsina",
    });
    assert.deepEqual(kapal.dateline, { place: "AMBON", outlet: "Warta Timur" });
    assert.deepEqual(kapal.related, ["Dermaga Banda Neira Diperpanjang 40 Meter"]);
    assert.deepEqual(
      kapal.blocks.map((block) => block.type),
      ["paragraph", "related", "blockquote", "paragraph"],
    );
    assert.equal(kapal.lede, "Kapal perintis kembali berlayar setelah sebulan docking.");
    assert.ok(bodyIsValid(kapal.blocks));
    validateExtracted(kapal);
  });

  it("falls back to guid, author, plain-text description and an image enclosure", () => {
    assert.ok(pala);
    assert.equal(pala.headline, "Harga Pala Naik di Tingkat Petani", "HTML stripped from the title");
    assert.equal(pala.sourceUrl, "https://timur.example.id/2024/10/harga-pala");
    assert.deepEqual(pala.credits, [{ role: "penulis", name: "Rudi Pattimura" }]);
    assert.equal(pala.timeZone, null, "GMT is not an Indonesian zone");
    assert.equal(pala.paragraphs.length, 2);
    assert.equal(pala.hero?.url, "https://timur.example.id/img/pala.jpg");
    validateExtracted(pala);
  });
});

describe("parseAtom", () => {
  const [entry] = parseAtom(fixture("atom-feed.xml"));

  it("maps entries with alternate link, authors, categories and html content", () => {
    assert.ok(entry);
    assert.equal(entry.format, "atom");
    assert.equal(entry.sourceUrl, "https://borneo.example.id/2024/10/jembatan-mahakam");
    assert.equal(entry.publishedAt, "2024-10-25T00:15:00.000Z");
    assert.equal(entry.timeZone, "Asia/Makassar");
    assert.equal(entry.section, "Kalimantan Timur");
    assert.deepEqual(entry.tags, ["infrastruktur"]);
    assert.deepEqual(
      entry.credits.map((credit) => credit.name),
      ["Dewi Anggraini", "Samuel Tobing"],
    );
    assert.deepEqual(entry.dateline, { place: "Samarinda", outlet: null });
    assert.equal(entry.paragraphs.length, 2);
    assert.equal(entry.hero?.caption, "Jembatan Mahakam IV dilihat dari tepi sungai.");
    validateExtracted(entry);
  });
});

describe("parseWxr", () => {
  const posts = parseWxr(fixture("wordpress-export.xml"));

  it("keeps posts only (no attachments or pages)", () => {
    assert.deepEqual(
      posts.map((post) => post.headline),
      ["Mahasiswa Rancang Perahu Listrik untuk Danau Toba", "Draf: Jadwal Wisuda Gelombang Kedua"],
    );
  });

  it("maps a published post: GMT date, display name, categories vs tags, featured image", () => {
    const [post] = posts;
    assert.ok(post);
    assert.equal(post.status, "published");
    assert.equal(post.publishedAt, "2024-10-25T01:08:00.000Z");
    assert.deepEqual(post.credits, [{ role: "penulis", name: "Kartika Sari" }]);
    assert.equal(post.section, "Sains");
    assert.deepEqual(post.tags, ["energi terbarukan", "Danau Toba"]);
    assert.deepEqual(post.hero, {
      url: "https://kampus.example.id/wp-content/uploads/2024/10/perahu.jpg",
      caption: "Prototipe perahu listrik di dermaga kampus.",
      credit: "",
    });
    assert.deepEqual(post.dateline, { place: "Medan", outlet: null });
    assert.deepEqual(
      post.blocks.map((block) => block.type),
      ["paragraph", "heading", "paragraph"],
      "loose text wrapped, WordPress comments dropped, Sumber line taken",
    );
    assert.deepEqual(post.sources, [{ name: "Humas Universitas" }]);
    assert.equal(post.lede, "Perahu listrik tenaga surya karya mahasiswa.");
    assert.ok(bodyIsValid(post.blocks));
  });

  it("marks drafts and leaves their empty GMT date null", () => {
    const draft = posts[1];
    assert.ok(draft);
    assert.equal(draft.status, "draft");
    assert.equal(draft.publishedAt, null);
    assert.deepEqual(draft.credits, [{ role: "penulis", name: "editorkampus" }], "unknown login kept as is");
  });
});

describe("feed errors", () => {
  it("rejects invalid XML with a one-line reason naming the line", () => {
    for (const format of ["rss", "atom", "wxr"] as const) {
      assert.throws(
        () => parseFeed(fixture("invalid.xml"), format),
        (error: unknown) =>
          isImportError(error) &&
          error.code === "invalid_xml" &&
          /baris 3/u.test(error.message) &&
          !error.message.includes("\n"),
      );
    }
  });

  it("rejects well-formed XML of the wrong kind", () => {
    assert.throws(
      () => parseAtom(fixture("rss-feed.xml")),
      (error: unknown) => isImportError(error) && error.code === "unsupported_format",
    );
    assert.throws(
      () => parseRss("<feed xmlns='http://www.w3.org/2005/Atom'></feed>"),
      (error: unknown) => isImportError(error) && error.code === "unsupported_format",
    );
  });

  it("returns no articles for an empty channel", () => {
    assert.deepEqual(parseRss("<rss version='2.0'><channel><title>Kosong</title></channel></rss>"), []);
  });
});
