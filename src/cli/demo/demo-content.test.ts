import assert from "node:assert/strict";
import sharp from "sharp";
import { describe, it } from "node:test";
import { bodyDocumentSchema, BODY_VERSION } from "../../content/body.schema.ts";
import type { Block } from "../../content/body.schema.ts";
import {
  DEMO_ARTICLES,
  DEMO_IMAGES,
  DEMO_PEOPLE,
  DEMO_SECTIONS,
  DRAFT_ARTICLE_KEY,
  SCHEDULED_ARTICLE_KEY,
} from "./demo-content.ts";
import type { DemoArticle, DemoBlock } from "./demo-content.types.ts";
import { renderDemoImage } from "./demo-images.ts";

const OFFSETS = { "Asia/Jakarta": "+07:00", "Asia/Makassar": "+08:00", "Asia/Jayapura": "+09:00" } as const;
const REFERENCE_NOW = Date.parse("2026-11-26T00:00:00Z");

const articleKeys = new Set(DEMO_ARTICLES.map((a) => a.key));
const imageKeys = new Set(DEMO_IMAGES.map((i) => i.key));
const sectionSlugs = new Set(DEMO_SECTIONS.map((s) => s.slug));
const personSlugs = new Set(DEMO_PEOPLE.map((p) => p.slug));
const published = DEMO_ARTICLES.filter((a) => (a.status ?? "published") === "published");

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** Replaces demo keys by positive ids, as the seeder will. */
function toBlock(block: DemoBlock): Block {
  if (block.type === "related")
    return { type: "related", articleId: [...articleKeys].indexOf(block.article) + 1 };
  if (block.type === "image") {
    return {
      type: "image",
      mediaId: [...imageKeys].indexOf(block.image) + 1,
      caption: block.caption,
      credit: block.credit,
    };
  }
  return block;
}

function bodyOf(article: DemoArticle) {
  return { version: BODY_VERSION, blocks: article.body.map(toBlock) };
}

describe("demo content", () => {
  it("has unique keys and slugs", () => {
    assert.deepEqual(duplicates([...DEMO_ARTICLES.map((a) => a.key)]), []);
    assert.deepEqual(duplicates(DEMO_SECTIONS.map((s) => s.slug)), []);
    assert.deepEqual(duplicates(DEMO_PEOPLE.map((p) => p.slug)), []);
    assert.deepEqual(duplicates(DEMO_IMAGES.map((i) => i.key)), []);
    assert.deepEqual(duplicates(DEMO_ARTICLES.map((a) => a.headline)), []);
  });

  it("nests sections, parents listed before children, 6–8 top sections", () => {
    const seen = new Set<string>();
    for (const section of DEMO_SECTIONS) {
      if (section.parent !== undefined)
        assert.ok(seen.has(section.parent), `${section.slug}: parent ${section.parent}`);
      seen.add(section.slug);
    }
    const top = DEMO_SECTIONS.filter((s) => s.parent === undefined).length;
    assert.ok(top >= 6 && top <= 8, `top sections: ${top}`);
    assert.ok(DEMO_SECTIONS.some((s) => s.parent !== undefined));
  });

  it("resolves every person photo", () => {
    for (const person of DEMO_PEOPLE) {
      if (person.photo !== undefined)
        assert.ok(imageKeys.has(person.photo), `${person.slug}: ${person.photo}`);
      assert.ok(person.bio.length > 20, person.slug);
    }
  });

  it("has at least 16 published articles, one draft and one scheduled", () => {
    assert.ok(published.length >= 16, `published: ${published.length}`);
    const draft = DEMO_ARTICLES.find((a) => a.key === DRAFT_ARTICLE_KEY);
    const scheduled = DEMO_ARTICLES.find((a) => a.key === SCHEDULED_ARTICLE_KEY);
    assert.equal(draft?.status, "draft");
    assert.equal(scheduled?.status, "scheduled");
    assert.ok(Date.parse(scheduled?.publishedAt ?? "") > REFERENCE_NOW);
    assert.equal(DEMO_ARTICLES.filter((a) => a.status === "draft" || a.status === "scheduled").length, 2);
  });

  for (const article of DEMO_ARTICLES) {
    it(`article ${article.key} resolves and validates`, () => {
      assert.ok(sectionSlugs.has(article.section), `section ${article.section}`);
      const roles = article.credits.map((c) => c.role);
      assert.ok(roles.includes("penulis") && roles.includes("editor"), "needs penulis and editor");
      for (const credit of article.credits)
        assert.ok(personSlugs.has(credit.person), `person ${credit.person}`);
      assert.ok(article.sources.length >= 1 && article.sources.length <= 2, "1–2 sources");
      assert.ok(article.tags.length >= 2 && article.tags.length <= 4, "2–4 tags");
      assert.deepEqual(duplicates(article.tags), []);
      if (article.hero !== null) assert.ok(imageKeys.has(article.hero.image), `hero ${article.hero.image}`);
      for (const block of article.body) {
        if (block.type === "related") {
          assert.ok(articleKeys.has(block.article), `related ${block.article}`);
          assert.notEqual(block.article, article.key, "relates to itself");
        }
        if (block.type === "image") assert.ok(imageKeys.has(block.image), `image ${block.image}`);
      }
      const parsed = bodyDocumentSchema.safeParse(bodyOf(article));
      assert.ok(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues));
      assert.match(article.publishedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      assert.ok(
        article.publishedAt.endsWith(OFFSETS[article.dateline.timeZone]),
        "offset matches dateline zone",
      );
      if (article.updatedAt !== undefined) {
        assert.ok(article.updatedAt.endsWith(OFFSETS[article.dateline.timeZone]));
        assert.ok(
          Date.parse(article.updatedAt) > Date.parse(article.publishedAt),
          "updatedAt after publishedAt",
        );
      }
    });
  }

  it("gives every published article a hero, 5–10 paragraphs and a past date", () => {
    for (const article of published) {
      assert.ok(article.hero !== null, article.key);
      const paragraphs = article.body.filter((b) => b.type === "paragraph").length;
      assert.ok(paragraphs >= 5 && paragraphs <= 10, `${article.key}: ${paragraphs} paragraphs`);
      assert.ok(Date.parse(article.publishedAt) < REFERENCE_NOW, article.key);
      assert.equal(article.dateline.outlet ?? "WARTA", "WARTA");
    }
  });

  it("covers the three time zones, the midnight and year-boundary cases", () => {
    const zones = new Set(published.map((a) => a.dateline.timeZone));
    assert.deepEqual([...zones].sort(), ["Asia/Jakarta", "Asia/Jayapura", "Asia/Makassar"]);
    const afterMidnight = published.filter((a) => {
      const local = a.publishedAt.slice(0, 10);
      return /T00:/.test(a.publishedAt) && new Date(a.publishedAt).toISOString().slice(0, 10) < local;
    });
    assert.ok(afterMidnight.length >= 1, "one story just after local midnight (previous UTC day)");
    assert.ok(
      published.some(
        (a) => a.publishedAt.startsWith("2025-12-31T2") && a.dateline.timeZone === "Asia/Jayapura",
      ),
    );
  });

  it("reuses tags and links stories with Baca Juga, one pointing at the draft", () => {
    const uses = new Map<string, number>();
    for (const tag of published.flatMap((a) => a.tags)) uses.set(tag, (uses.get(tag) ?? 0) + 1);
    assert.ok([...uses.values()].filter((count) => count >= 3).length >= 5, "several tags with 3+ stories");
    const relatedTargets = published.flatMap((a) =>
      a.body.flatMap((b) => (b.type === "related" ? [b.article] : [])),
    );
    assert.ok(
      published.filter((a) => a.body.some((b) => b.type === "related")).length > published.length / 2,
    );
    assert.ok(relatedTargets.includes(DRAFT_ARTICLE_KEY));
    assert.ok(!relatedTargets.includes(SCHEDULED_ARTICLE_KEY));
    assert.ok(
      published.some((a) => a.body.some((b) => b.type === "image")),
      "one inline image",
    );
    assert.ok(published.some((a) => a.body.some((b) => b.type === "heading")));
    assert.ok(published.some((a) => a.body.some((b) => b.type === "list")));
    assert.ok(
      published.some((a) => a.credits.filter((c) => c.role === "penulis").length >= 2),
      "two writers",
    );
  });

  it("renders a deterministic JPEG of the requested size", async () => {
    const spec = DEMO_IMAGES.find((i) => i.key === "foto-rahma-wulandari");
    assert.ok(spec);
    const jpeg = await renderDemoImage(spec);
    assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    const meta = await sharp(jpeg).metadata();
    assert.equal(meta.format, "jpeg");
    assert.equal(meta.width, spec.width);
    assert.equal(meta.height, spec.height);
    assert.ok((await renderDemoImage(spec)).equals(jpeg), "same spec, same bytes");
  });
});
