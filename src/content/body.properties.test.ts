import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { renderBodyHtml, type BodyRenderContext } from "./body-html.renderer.ts";
import { renderBodyText } from "./body-text.renderer.ts";
import { bodyDocumentSchema, isSafeLinkHref, type BodyDocument } from "./body.schema.ts";
import { jsonForScript } from "./html.ts";

/**
 * Property-based checks of the body document and its renderers: whatever a client sends, the
 * schema answers (never throws), and whatever the schema accepts renders to markup with nothing a
 * browser would execute.
 */

/** Strings biased towards markup, quotes, entities and URL tricks. */
const nasty = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</p><iframe src=//evil.example>",
    "&lt;b&gt;",
    "' onmouseover='x",
    "\u2028</script>",
    "<!--",
    "]]>",
  ),
  fc
    .tuple(
      fc.string({ maxLength: 8 }),
      fc.constantFrom("<", ">", '"', "'", "&", "`"),
      fc.string({ maxLength: 8 }),
    )
    .map((parts) => parts.join("")),
);
const text = nasty.filter((value) => value.length > 0);
const href = fc.oneof(
  fc.constantFrom(
    "/nasional/1/judul",
    'https://warta.example/a?b=<c>&d="e"',
    "mailto:redaksi@warta.example",
    "javascript:alert(1)",
    "//evil.example",
    "/\\evil.example",
    "data:text/html,<script>",
    " javascript:x",
    "JaVaScRiPt:alert(1)",
  ),
  fc.string({ maxLength: 30 }),
);
const mark = fc.oneof(
  fc.constant({ type: "bold" as const }),
  fc.constant({ type: "italic" as const }),
  href.map((value) => ({ type: "link" as const, href: value })),
);
const inline = fc.record({ text, marks: fc.option(fc.array(mark, { maxLength: 3 }), { nil: undefined }) });
const inlines = fc.array(inline, { minLength: 1, maxLength: 4 });
const block = fc.oneof(
  fc.record({ type: fc.constant("paragraph"), content: inlines }),
  fc.record({ type: fc.constant("heading"), level: fc.constantFrom(2, 3, 4), text }),
  fc.record({
    type: fc.constant("blockquote"),
    content: inlines,
    attribution: fc.option(text, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant("list"),
    ordered: fc.boolean(),
    items: fc.array(inlines, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant("image"),
    mediaId: fc.integer({ min: 1, max: 3 }),
    caption: fc.option(text, { nil: undefined }),
    credit: fc.option(text, { nil: undefined }),
  }),
  fc.record({ type: fc.constant("related"), articleId: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    type: fc.constant("embed"),
    provider: fc.constantFrom("youtube", "x", "instagram", "tiktok", "vimeo"),
    url: fc.oneof(href, fc.constant("https://www.youtube.com/watch?v=abcdefgh")),
    title: fc.option(text, { nil: undefined }),
  }),
);
const candidate = fc.record({ version: fc.constant(1), blocks: fc.array(block, { maxLength: 8 }) });

/** The render context: the related targets and media are themselves hostile. */
const context = (headline: string): BodyRenderContext => ({
  related: new Map([[1, { headline, url: "/nasional/1/judul" }]]),
  media: new Map([[2, { url: "/media/2.jpg", width: 10, height: 10, alt: headline }]]),
  dateline: { place: headline, outlet: headline },
});

/** Every way a rendered fragment could run script or leave the page's origin by surprise. */
function executableParts(markup: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const found: string[] = [];
  for (const element of Array.from(document.querySelectorAll("*"))) {
    const tag = element.tagName.toLowerCase();
    if (["script", "style", "object", "embed", "base", "meta", "link", "form"].includes(tag))
      found.push(`<${tag}>`);
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) found.push(`${tag}[${attribute.name}]`);
      if (["href", "src", "action", "formaction", "srcdoc"].includes(attribute.name)) {
        const value = attribute.value;
        const allowed =
          attribute.name === "href" ? isSafeLinkHref(value) : /^(https:\/\/|\/(?![\\/]))/.test(value);
        if (!allowed) found.push(`${tag}[${attribute.name}=${value}]`);
      }
    }
  }
  return found;
}

describe("body document properties", () => {
  it("the executable-markup check itself finds script, handlers and unsafe URLs", () => {
    const bad = '<script>x</script><a href="javascript:x" onclick="y">a</a><img src="//evil.example/i">';
    assert.deepEqual(executableParts(bad), [
      "<script>",
      "a[href=javascript:x]",
      "a[onclick]",
      "img[src=//evil.example/i]",
    ]);
  });

  it("the schema answers every input with success or field errors, never an exception", () => {
    fc.assert(
      fc.property(fc.oneof(candidate, fc.jsonValue()), (input) => {
        const result = bodyDocumentSchema.safeParse(input);
        if (!result.success) assert.ok(result.error.issues.length > 0);
      }),
      { numRuns: 400 },
    );
  });

  it("no accepted document renders to executable markup", () => {
    fc.assert(
      fc.property(candidate, text, (input, headline) => {
        const parsed = bodyDocumentSchema.safeParse(input);
        if (!parsed.success) return;
        const markup = renderBodyHtml(parsed.data, context(headline)).value;
        assert.deepEqual(executableParts(markup), [], markup);
      }),
      { numRuns: 400 },
    );
  });

  it("every accepted link is one the renderer may print", () => {
    fc.assert(
      fc.property(href, (value) => {
        const doc = {
          version: 1,
          blocks: [{ type: "paragraph", content: [{ text: "x", marks: [{ type: "link", href: value }] }] }],
        };
        const parsed = bodyDocumentSchema.safeParse(doc);
        assert.equal(parsed.success, isSafeLinkHref(value));
      }),
      { numRuns: 300 },
    );
  });

  it("the text rendering keeps every paragraph's words and never throws", () => {
    fc.assert(
      fc.property(candidate, (input) => {
        const parsed = bodyDocumentSchema.safeParse(input);
        if (!parsed.success) return;
        const plain = renderBodyText(parsed.data as BodyDocument);
        for (const item of parsed.data.blocks) {
          if (item.type !== "paragraph") continue;
          for (const run of item.content) {
            const word = run.text.trim().split(/\s+/)[0];
            if (word) assert.ok(plain.includes(word), `${word} missing from ${plain}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("JSON in a script element can never close the element or start a comment", () => {
    fc.assert(
      fc.property(fc.jsonValue(), nasty, (value, extra) => {
        const out = jsonForScript({ value, extra }).value;
        assert.doesNotMatch(out, /<\/?script|<!--/i);
        assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify({ value, extra })));
      }),
      { numRuns: 300 },
    );
  });
});
