import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getSchema } from "@tiptap/core";
import { Node as PmNodeClass } from "@tiptap/pm/model";
import { bodyDocumentSchema, type BodyDocument } from "../../../src/content/body.schema.ts";
import { bodyText, bodyToDoc, docToBody, type PmNode } from "./body-mapping.ts";
import { bodyExtensions } from "./extensions.ts";
import { cleanPastedDom } from "./paste-cleaning.ts";

const schema = getSchema(bodyExtensions());

/** Every block type and mark of the body schema, once. */
const EVERYTHING: BodyDocument = {
  version: 1,
  blocks: [
    {
      type: "paragraph",
      content: [
        { text: "Harga " },
        { text: "cabai", marks: [{ type: "bold" }] },
        { text: " naik ", marks: [{ type: "italic" }] },
        {
          text: "lagi",
          marks: [{ type: "bold" }, { type: "italic" }, { type: "link", href: "https://bps.go.id/" }],
        },
        { text: " kata BPS." },
      ],
    },
    { type: "heading", level: 2, text: "Pasar induk" },
    { type: "heading", level: 4, text: "Rincian" },
    { type: "blockquote", content: [{ text: "Kami kewalahan." }], attribution: "Siti, pedagang" },
    { type: "blockquote", content: [{ text: "Tanpa atribusi." }] },
    {
      type: "list",
      ordered: false,
      items: [[{ text: "satu" }], [{ text: "dua", marks: [{ type: "bold" }] }]],
    },
    { type: "list", ordered: true, items: [[{ text: "pertama" }]] },
    { type: "image", mediaId: 7, caption: "Pasar pagi", credit: "Foto: Ana" },
    { type: "image", mediaId: 8 },
    { type: "pendingImage", url: "https://foto.example/pasar.jpg", caption: "Pasar siang", credit: "Ana" },
    { type: "related", articleId: 42 },
    { type: "related", pendingHeadline: "Judul yang belum ditemukan" },
    { type: "embed", provider: "youtube", url: "https://www.youtube.com/watch?v=abcdefg", title: "Video" },
  ],
};

describe("body schema ↔ TipTap document", () => {
  it("maps every block and mark one-to-one, both ways", () => {
    const doc = bodyToDoc(EVERYTHING, new Map([[42, "Harga beras stabil"]]));
    assert.deepEqual(
      doc.content?.map((n) => n.type),
      [
        "paragraph",
        "heading",
        "heading",
        "blockquote",
        "blockquote",
        "bulletList",
        "orderedList",
        "image",
        "image",
        "pendingImage",
        "related",
        "related",
        "embed",
      ],
    );
    assert.equal(doc.content?.[10]?.attrs?.headline, "Harga beras stabil");
    assert.deepEqual(docToBody(doc), EVERYTHING);
  });

  it("produces documents the editor's own schema accepts, and reads them back unchanged", () => {
    const node = PmNodeClass.fromJSON(schema, bodyToDoc(EVERYTHING));
    node.check();
    assert.deepEqual(docToBody(node.toJSON() as PmNode), EVERYTHING);
  });

  it("shows a photo's picture and alt text in the editor without saving them into the body", () => {
    const images = new Map([[7, { src: "/media/7/abc/w-1280.jpg", alt: "Pedagang menata cabai" }]]);
    const doc = bodyToDoc(EVERYTHING, new Map(), images);
    const photo = doc.content?.find((n) => n.type === "image" && n.attrs?.mediaId === 7);
    assert.equal(photo?.attrs?.src, "/media/7/abc/w-1280.jpg");
    assert.equal(photo?.attrs?.alt, "Pedagang menata cabai");
    const node = PmNodeClass.fromJSON(schema, doc);
    node.check();
    assert.deepEqual(docToBody(node.toJSON() as PmNode), EVERYTHING);
  });

  it("keeps an embed only when its URL matches its allow-listed provider (as the server requires)", () => {
    const embed = (provider: string, url: string): PmNode => ({ type: "embed", attrs: { provider, url } });
    const body = docToBody({
      type: "doc",
      content: [
        embed("x", "https://x.com/bmkgumum/status/1790000000000000000"),
        embed("instagram", "https://www.instagram.com/p/C7abc-12/"),
        embed("tiktok", "https://www.tiktok.com/@warta.id/video/7300000000000000000"),
        embed("youtube", "https://x.com/bmkgumum/status/1790000000000000000"),
        embed("youtube", "https://www.youtube.com.evil.example/watch?v=abcdefg"),
        embed("instagram", "javascript:alert(1)"),
      ],
    });
    assert.deepEqual(
      body.blocks.map((b) => (b.type === "embed" ? b.provider : b.type)),
      ["x", "instagram", "tiktok"],
    );
    assert.ok(bodyDocumentSchema.safeParse(body).success);
  });

  it("gives an empty body one empty paragraph to type in, and reads it back as empty", () => {
    const doc = bodyToDoc({ version: 1, blocks: [] });
    PmNodeClass.fromJSON(schema, doc).check();
    assert.deepEqual(docToBody(doc), { version: 1, blocks: [] });
  });

  it("always yields a body the server's schema accepts: empty blocks dropped, runs joined, bad links unlinked", () => {
    const messy: PmNode = {
      type: "doc",
      content: [
        { type: "paragraph" },
        { type: "paragraph", content: [{ type: "text", text: "   " }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Satu ", marks: [{ type: "italic" }, { type: "bold" }] },
            { type: "text", text: "kalimat", marks: [{ type: "bold" }, { type: "italic" }] },
            {
              type: "text",
              text: " dengan tautan",
              marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
            },
            { type: "text", text: " kode", marks: [{ type: "code" }] },
          ],
        },
        {
          type: "heading",
          attrs: { level: 1 },
          content: [{ type: "text", text: " Judul ", marks: [{ type: "bold" }] }],
        },
        { type: "heading", attrs: { level: 3 }, content: [] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
        { type: "blockquote", attrs: { attribution: "  " }, content: [{ type: "text", text: "Kutipan" }] },
        { type: "related", attrs: { articleId: null, pendingHeadline: null } },
        { type: "embed", attrs: { provider: "myspace", url: "https://myspace.com/x" } },
      ],
    };
    const body = docToBody(messy);
    assert.deepEqual(body.blocks, [
      {
        type: "paragraph",
        content: [
          { text: "Satu kalimat", marks: [{ type: "bold" }, { type: "italic" }] },
          { text: " dengan tautan kode" },
        ],
      },
      { type: "heading", level: 2, text: "Judul" },
      { type: "blockquote", content: [{ text: "Kutipan" }] },
    ]);
    assert.equal(bodyDocumentSchema.safeParse(body).success, true);
  });

  it("parses pasted HTML (Word, Google Docs, web pages) into body blocks only", async () => {
    const { parseHTML } = await import("linkedom");
    const { DOMParser } = await import("@tiptap/pm/model");
    const { document } = parseHTML(
      `<html><body><div id="paste"><h1 style="color:red">Banjir <b>Jakarta</b></h1>
      <p class="MsoNormal"><span style="font-weight:700">Air</span> naik <i>cepat</i>. <a href="https://bmkg.go.id">BMKG</a> <code>x</code></p>
      <table><tr><td>sel tabel</td></tr></table>
      <ul><li><p>satu</p><ul><li>anak</li></ul></li></ul>
      <blockquote><p>Tetap waspada.</p><footer>Kepala BPBD</footer></blockquote>
      <script>alert(1)</script><img src="https://x.test/a.png"></div></body></html>`,
    );
    const root = document.getElementById("paste") as unknown as Element;
    cleanPastedDom(root);
    const parsed = DOMParser.fromSchema(schema).parse(root as unknown as globalThis.Node);
    parsed.check();
    const body = docToBody(parsed.toJSON() as PmNode);
    assert.equal(bodyDocumentSchema.safeParse(body).success, true);
    assert.deepEqual(
      body.blocks.map((b) => b.type),
      ["heading", "paragraph", "paragraph", "list", "blockquote"],
    );
    assert.deepEqual(body.blocks[0], { type: "heading", level: 2, text: "Banjir Jakarta" });
    assert.deepEqual(body.blocks[3], {
      type: "list",
      ordered: false,
      items: [[{ text: "satu" }], [{ text: "anak" }]],
    });
    assert.deepEqual(body.blocks[1], {
      type: "paragraph",
      content: [
        { text: "Air", marks: [{ type: "bold" }] },
        { text: " naik " },
        { text: "cepat", marks: [{ type: "italic" }] },
        { text: ". " },
        { text: "BMKG", marks: [{ type: "link", href: "https://bmkg.go.id" }] },
        { text: " x" },
      ],
    });
    assert.match(bodyText(body), /Tetap waspada\./);
  });
});
