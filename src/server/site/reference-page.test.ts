import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Block } from "../../content/body.schema.ts";
import { createTestContext, type TestContext } from "../../testing/test-app.ts";
import { buildArticle, buildImage, buildPerson, buildSection } from "../../testing/factories.ts";
import {
  assertReferencePage,
  readReferenceFields,
  referenceSeedAvailable,
  type ReferenceFields,
} from "../../testing/reference-seed.ts";

const skip = referenceSeedAvailable()
  ? false
  : "the reference seed ../shared/seed is not beside this checkout";

describe("the reference page (DESIGN.md §1), built by hand from the seed's fields", { skip }, () => {
  let ctx: TestContext;
  let ref: ReferenceFields;
  let url: string;

  before(async () => {
    ref = readReferenceFields();
    ctx = await createTestContext({ now: new Date("2024-10-26T00:00:00Z") });
    const { deps } = ctx;
    const parent = await buildSection(deps, { name: "Internasional", slug: "internasional" });
    const section = await buildSection(deps, { name: ref.section, parentId: parent.id });
    const penulis = await buildPerson(deps, { name: ref.penulis });
    const editor = await buildPerson(deps, { name: ref.editor });
    const image = await buildImage(deps, { width: 120, height: 68 });
    const relatedIds: number[] = [];
    for (const [index, related] of ref.related.entries()) {
      const target = await buildArticle(deps, {
        headline: related.headline,
        sectionId: section.id,
        publishedAt: new Date(Date.UTC(2024, 9, 24, index)),
      });
      relatedIds.push(target.id);
    }
    const blocks: Block[] = [];
    ref.paragraphs.forEach((text, index) => {
      blocks.push(
        text.startsWith("“")
          ? { type: "blockquote", content: [{ text }] }
          : { type: "paragraph", content: [{ text }] },
      );
      ref.related.forEach((related, r) => {
        if (related.afterParagraph === index)
          blocks.push({ type: "related", articleId: relatedIds[r] as number });
      });
    });
    const article = await buildArticle(deps, {
      headline: ref.headline,
      sectionId: section.id,
      dateline: { place: ref.datelinePlace, outlet: ref.datelineOutlet, timeZone: "Asia/Jakarta" },
      body: { version: 1, blocks },
      hero: { mediaId: image.id, caption: ref.caption, credit: ref.photoCredit },
      sources: [{ name: ref.source }],
      credits: [
        { role: "penulis", personId: penulis.id },
        { role: "editor", personId: editor.id },
      ],
      publishedAt: new Date("2024-10-25T01:08:00Z"),
    });
    url = `/internasional/${section.slug}/${article.id}/${article.slug}`;
  });

  after(() => ctx?.close());

  it("reads the seed's fields", () => {
    assert.equal(ref.houseTime, "25 Oktober 2024, 08:08 WIB");
    assert.equal(ref.related.length, 2);
    assert.ok(ref.paragraphs.length >= 15);
  });

  it("renders every element of the reference page in order, paragraphs verbatim", async () => {
    const response = await ctx.app.inject({ method: "GET", url });
    assert.equal(response.statusCode, 200);
    assertReferencePage(response.body, ref);
  });

  it("links the credits to person pages that list the article by role", async () => {
    const page = (await ctx.app.inject({ method: "GET", url })).body;
    const personUrl = /Penulis<\/span>: <a href="([^"]+)"/.exec(page)?.[1];
    assert.ok(personUrl);
    const person = await ctx.app.inject({ method: "GET", url: personUrl });
    assert.equal(person.statusCode, 200);
    assert.ok(person.body.includes(ref.headline.replace(/&/g, "&amp;")));
  });
});
