import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BodyDocument } from "./body.schema.ts";
import { renderBodyHtml, type BodyRenderContext } from "./body-html.renderer.ts";
import { excerpt, renderBodyText } from "./body-text.renderer.ts";

const context = (overrides: Partial<BodyRenderContext> = {}): BodyRenderContext => ({
  related: new Map([[7, { headline: "Judul Terkait", url: "/dunia/7/judul-terkait" }]]),
  media: new Map([[3, { url: "/media/a.jpg", width: 800, height: 450, alt: "Foto" }]]),
  dateline: { place: "Kazan", outlet: "WARTA" },
  ...overrides,
});

const body: BodyDocument = {
  version: 1,
  blocks: [
    {
      type: "paragraph",
      content: [
        { text: "Presiden memberi " },
        { text: "respons", marks: [{ type: "italic" }] },
        { text: "." },
      ],
    },
    { type: "related", articleId: 7 },
    { type: "related", articleId: 99 },
    { type: "related", pendingHeadline: "Belum ada" },
    { type: "blockquote", content: [{ text: "“Kami siap,” katanya." }], attribution: "Menteri" },
    { type: "heading", level: 2, text: "Latar" },
    {
      type: "list",
      ordered: false,
      items: [[{ text: "satu" }], [{ text: "dua", marks: [{ type: "link", href: "https://bmkg.go.id" }] }]],
    },
    { type: "image", mediaId: 3, caption: "Suasana", credit: "Warta" },
    { type: "image", mediaId: 404 },
  ],
};

describe("body HTML renderer", () => {
  const out = renderBodyHtml(body, context()).value;

  it("puts the dateline as the bold lead-in of the first paragraph", () => {
    assert.match(
      out,
      /^<p><strong class="dateline">KAZAN, WARTA<\/strong> - Presiden memberi <em>respons<\/em>\.<\/p>/,
    );
  });

  it("renders Baca Juga with the target's current headline, and nothing for missing or pending targets", () => {
    assert.match(
      out,
      /<aside class="baca-juga"[^>]*><strong>Baca Juga:<\/strong> <a href="\/dunia\/7\/judul-terkait">Judul Terkait<\/a><\/aside>/,
    );
    assert.equal(out.match(/baca-juga/g)?.length, 1);
    assert.doesNotMatch(out, /Belum ada/);
  });

  it("renders quotes, headings, lists, links and images; skips unknown media", () => {
    assert.match(out, /<blockquote><p>“Kami siap,” katanya\.<\/p><footer>— Menteri<\/footer><\/blockquote>/);
    assert.match(out, /<h2>Latar<\/h2>/);
    assert.match(
      out,
      /<ul><li>satu<\/li><li><a href="https:\/\/bmkg.go.id" rel="noopener">dua<\/a><\/li><\/ul>/,
    );
    assert.match(out, /<img src="\/media\/a.jpg" width="800" height="450" alt="Foto"/);
    assert.equal(out.match(/<img/g)?.length, 1);
  });

  it("renders a dateline without an outlet as the place alone", () => {
    const html = renderBodyHtml(body, context({ dateline: { place: "Jakarta", outlet: null } })).value;
    assert.match(html, /<strong class="dateline">JAKARTA<\/strong> - /);
  });

  it("renders an XSS payload in every text field inert", () => {
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>"'`;
    const evil: BodyDocument = {
      version: 1,
      blocks: [
        {
          type: "paragraph",
          content: [
            { text: payload, marks: [{ type: "link", href: `https://a.example/"><script>x</script>` }] },
          ],
        },
        { type: "heading", level: 3, text: payload },
        { type: "blockquote", content: [{ text: payload }], attribution: payload },
        { type: "list", ordered: true, items: [[{ text: payload }]] },
        { type: "image", mediaId: 3, caption: payload, credit: payload },
        { type: "related", articleId: 7 },
        { type: "embed", provider: "youtube", url: "https://youtu.be/abcdefgh", title: payload },
      ],
    };
    const html = renderBodyHtml(evil, {
      related: new Map([[7, { headline: payload, url: "/a/7/b" }]]),
      media: new Map([[3, { url: "/media/a.jpg", width: 1, height: 1, alt: payload }]]),
      dateline: { place: payload, outlet: payload },
    }).value;
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img src=x/i);
    assert.doesNotMatch(html, /"><script/);
    assert.match(html, /&lt;script&gt;/);
  });
});

describe("body text renderer", () => {
  it("gives plain text without Baca Juga blocks, and excerpts cut at a word", () => {
    const text = renderBodyText(body);
    assert.match(text, /^Presiden memberi respons\./);
    assert.doesNotMatch(text, /Judul Terkait/);
    assert.match(text, /- satu\n- dua/);
    assert.equal(excerpt("satu dua tiga empat lima", 12), "satu dua…");
  });
});
