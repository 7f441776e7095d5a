import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isExtractedImage } from "../extracted-article.ts";
import { htmlFragmentToBlocks } from "./html-blocks.ts";
import { parseHtmlArticle } from "./html.parser.ts";

const imagesOf = (html: string, baseUrl: string | null = null) =>
  htmlFragmentToBlocks(html, baseUrl).filter(isExtractedImage);

describe("inline photos in HTML bodies", () => {
  it("a figure gives src, alt, caption and the credit element's text without its label", () => {
    assert.deepEqual(
      imagesOf(
        '<p>Teks.</p><figure><img src="a.jpg" alt="Pompa"><figcaption>Pompa bekerja. <span class="credit">Foto: Budi</span></figcaption></figure>',
      ),
      [{ type: "image", src: "a.jpg", alt: "Pompa", caption: "Pompa bekerja.", credit: "Budi" }],
    );
  });

  it("a caption ending in (Foto: …) or an agency credit is split; wp-caption boxes are figures", () => {
    const [labelled] = imagesOf(
      '<figure><img src="a.jpg"><figcaption>Banjir. (Foto: Rina/Warta)</figcaption></figure>',
    );
    assert.deepEqual([labelled?.caption, labelled?.credit], ["Banjir.", "Rina/Warta"]);
    const [box] = imagesOf(
      '<div class="wp-caption alignnone"><img src="b.png" alt="Sungai"><p class="wp-caption-text">Sungai meluap. (ANTARA FOTO/Rudi)</p></div>',
    );
    assert.deepEqual([box?.src, box?.caption, box?.credit], ["b.png", "Sungai meluap.", "ANTARA FOTO/Rudi"]);
    const [shortcode] = imagesOf(
      '<p>Teks.</p>[caption id="attachment_7" align="aligncenter" width="640"]<img src="e.jpg" alt="Pasar" /> Pasar pagi. (Foto: Ani)[/caption]',
    );
    assert.deepEqual(
      [shortcode?.src, shortcode?.alt, shortcode?.caption, shortcode?.credit],
      ["e.jpg", "Pasar", "Pasar pagi.", "Ani"],
    );
  });

  it("reads lazy-load attributes behind a placeholder, resolves site paths against the page URL, skips images without a file", () => {
    const images = imagesOf(
      '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/foto/c.jpg" alt="c"></p>' +
        '<p><img src="//cdn.contoh.example/d.jpg"></p><p><img alt="tanpa berkas"></p>',
      "https://contoh.example/berita/1",
    );
    assert.deepEqual(
      images.map((i) => i.src),
      ["https://contoh.example/foto/c.jpg", "https://cdn.contoh.example/d.jpg"],
    );
  });

  it("keeps photos where they stood in a page's body, and not the hero's figure again", () => {
    const article = parseHtmlArticle(
      `<!doctype html><html><head><title>Pompa Air Dinyalakan di Seluruh Tanggul</title></head><body><article>
       <h1>Pompa Air Dinyalakan di Seluruh Tanggul</h1><time datetime="2024-03-03T10:15:00+07:00">3 Maret 2024</time>
       <div class="entry-content"><figure><img src="utama.jpg"><figcaption>Utama.</figcaption></figure>
       <p>JAKARTA - Petugas menyalakan seluruh pompa di sepanjang tanggul sejak malam hari tadi.</p>
       <figure><img src="pompa.jpg" alt="Pompa"><figcaption>Pompa.</figcaption></figure>
       <p>Warga mulai kembali ke rumah dan membersihkan lumpur yang terbawa air ke permukiman.</p></div>
       </article></body></html>`,
    );
    assert.equal(article.hero?.url, "utama.jpg");
    assert.deepEqual(
      article.blocks.map((b) => (isExtractedImage(b) ? b.src : b.type)),
      ["paragraph", "pompa.jpg", "paragraph"],
    );
  });
});
