import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyDocumentSchema } from "./body.schema.ts";

const valid = (blocks: unknown[]) => bodyDocumentSchema.safeParse({ version: 1, blocks }).success;

describe("body document schema", () => {
  it("accepts every block type", () => {
    assert.ok(
      valid([
        {
          type: "paragraph",
          content: [
            { text: "Halo " },
            { text: "dunia", marks: [{ type: "bold" }, { type: "link", href: "https://bmkg.go.id" }] },
          ],
        },
        { type: "heading", level: 2, text: "Subjudul" },
        { type: "blockquote", content: [{ text: "Kutipan" }], attribution: "Juru bicara" },
        { type: "list", ordered: true, items: [[{ text: "satu" }], [{ text: "dua" }]] },
        { type: "image", mediaId: 3, caption: "Keterangan", credit: "Warta" },
        { type: "related", articleId: 12 },
        { type: "related", pendingHeadline: "Berita yang belum diimpor" },
        { type: "embed", provider: "youtube", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" },
      ]),
    );
  });

  it("refuses unknown versions and block types", () => {
    assert.equal(bodyDocumentSchema.safeParse({ version: 2, blocks: [] }).success, false);
    assert.equal(valid([{ type: "script", text: "alert(1)" }]), false);
  });

  it("refuses javascript: and data: links", () => {
    assert.equal(
      valid([
        {
          type: "paragraph",
          content: [{ text: "x", marks: [{ type: "link", href: "javascript:alert(1)" }] }],
        },
      ]),
      false,
    );
    assert.equal(
      valid([
        { type: "paragraph", content: [{ text: "x", marks: [{ type: "link", href: "data:text/html,hi" }] }] },
      ]),
      false,
    );
    assert.equal(
      valid([
        { type: "paragraph", content: [{ text: "x", marks: [{ type: "link", href: "//evil.example" }] }] },
      ]),
      false,
    );
  });

  it("refuses site paths a browser would read as another site", () => {
    const link = (href: string) =>
      valid([{ type: "paragraph", content: [{ text: "x", marks: [{ type: "link", href }] }] }]);
    for (const href of [
      "/\\evil.example/x",
      "/\t/evil.example",
      "/\n/evil.example",
      "https://a b.example",
      " /x",
    ]) {
      assert.equal(link(href), false, JSON.stringify(href));
    }
    for (const href of ["/nasional/1/judul", "https://warta.example/a?b=c", "mailto:redaksi@warta.example"]) {
      assert.equal(link(href), true, href);
    }
  });

  it("allows embeds only from allow-listed providers with matching URLs", () => {
    assert.equal(
      valid([{ type: "embed", provider: "youtube", url: "https://evil.example/watch?v=abcdefg" }]),
      false,
    );
    assert.equal(valid([{ type: "embed", provider: "vimeo", url: "https://vimeo.com/1" }]), false);
    assert.ok(valid([{ type: "embed", provider: "x", url: "https://x.com/bmkgwarning/status/123456" }]));
  });

  it("needs a target or a pending headline on related blocks, and text in paragraphs", () => {
    assert.equal(valid([{ type: "related" }]), false);
    assert.equal(valid([{ type: "paragraph", content: [] }]), false);
    assert.equal(valid([{ type: "heading", level: 1, text: "H1 is the headline's" }]), false);
  });
});
