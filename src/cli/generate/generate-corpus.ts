import { SYSTEM_ACTOR } from "../../core/actor.ts";
import { slugify } from "../../core/slug.ts";
import type { Block, BodyDocument } from "../../content/body.schema.ts";
import { BODY_VERSION } from "../../content/body.schema.ts";
import type { Deps } from "../../app/deps.ts";
import { renderDemoImage } from "../demo/demo-images.ts";
import type { DemoScene } from "../demo/demo-content.types.ts";
import type { Progress } from "../progress.ts";
import { createSqliteBulkWriter, type Row } from "./bulk-writer.ts";
import { createPostgresBulkWriter } from "./postgres-bulk-writer.ts";
import { DATELINES, FIRST_NAMES, LAST_NAMES, SECTION_TREE, SOURCES } from "./corpus-plan.ts";
import { createTextMaker } from "./indonesian-text.ts";
import { createRandom } from "./random.ts";

export interface GenerateOptions {
  articles: number;
  seed: number;
  /** The newest article's time; the rest go back about three minutes each. */
  until?: Date;
  batchSize?: number;
  people?: number;
  tags?: number;
  images?: number;
  /** Called when the article phase starts (images, sections, people and tags come first). */
  progress?: (total: number) => Progress;
}

export interface GenerateResult {
  articles: number;
  published: number;
  sections: number;
  people: number;
  tags: number;
  images: number;
  firstId: number;
  lastId: number;
}

export class StoreNotEmptyError extends Error {
  constructor() {
    super(
      "The store already has sections or articles; generate into an empty store (a new WARTA_DATABASE_URL).",
    );
    this.name = "StoreNotEmptyError";
  }
}

const SCENES: DemoScene[] = ["mountains", "sea", "city", "rain", "terraces", "abstract", "pitch"];
const PALETTES: [string, string, string, string][] = [
  ["#3b4a5a", "#8a98a8", "#f4d58d", "#1f2a36"],
  ["#2e3a87", "#f6a65a", "#ffe08a", "#1c1f3b"],
  ["#6fa8dc", "#d9ecf7", "#fff2b3", "#2d4a66"],
  ["#0b3d2e", "#7fb77e", "#f2e394", "#1b2f1f"],
  ["#5b2a86", "#e39ec1", "#ffd166", "#2a1b3d"],
  ["#114b5f", "#88d4ab", "#f3e9d2", "#1a2e35"],
];
const STEP_MS = 3 * 60 * 1000;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Builds a reproducible corpus straight into the store: sections (nested), people, tags and a
 * handful of images through the services, then articles, tags and credits with raw batched
 * INSERTs. The bulk path publishes no domain events: rebuild the search index afterwards
 * (`warta reindex`). Every body is valid per the body schema and every article is readable.
 */
export async function generateCorpus(
  deps: Pick<Deps, "store" | "sections" | "people" | "tags" | "media">,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const { store } = deps;
  const db = store.db;
  const existing = await db.selectFrom("articles").select("id").limit(1).executeTakeFirst();
  const existingSection = await db.selectFrom("sections").select("id").limit(1).executeTakeFirst();
  if (existing || existingSection) throw new StoreNotEmptyError();

  const random = createRandom(options.seed);
  const text = createTextMaker(random);
  const actor = SYSTEM_ACTOR;

  // Images: a handful of generated JPEGs reused by every article.
  const imageIds: number[] = [];
  for (let i = 0; i < (options.images ?? 12); i++) {
    const bytes = await renderDemoImage({
      key: `generated-${options.seed}-${i}`,
      width: 1200,
      height: 675,
      scene: SCENES[i % SCENES.length] as DemoScene,
      palette: PALETTES[i % PALETTES.length] as [string, string, string, string],
      seed: options.seed * 100 + i,
      alt: `Ilustrasi ${i + 1}`,
    });
    const media = await deps.media.storeImage(
      { bytes, fileName: `ilustrasi-${options.seed}-${i + 1}.jpg`, alt: `Ilustrasi berita ${i + 1}` },
      actor,
    );
    imageIds.push(media.id);
  }

  // Sections, nested; articles go to every level, more often to the deeper (more specific) ones.
  const sectionIds: number[] = [];
  let position = 0;
  const addSections = async (nodes: (typeof SECTION_TREE)[number][], parentId: number | null) => {
    for (const node of nodes) {
      const section = await deps.sections.create(
        {
          name: node.name,
          slug: node.slug,
          parentId,
          position: position++,
          description: `Berita ${node.name}.`,
        },
        actor,
      );
      sectionIds.push(section.id);
      if (node.children) await addSections(node.children, section.id);
    }
  };
  await addSections(SECTION_TREE, null);

  // People: reporters, editors and photographers.
  const personIds: number[] = [];
  const peopleCount = options.people ?? 400;
  for (let i = 0; i < peopleCount; i++) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const person = await deps.people.create({ name, bio: `Jurnalis Warta. ${text.sentence()}` }, actor);
    personIds.push(person.id);
  }
  const editors = personIds.slice(0, Math.max(1, Math.floor(peopleCount / 10)));
  const reporters = personIds.slice(editors.length);

  // Tags: Zipf-distributed popularity.
  const tagNames = new Set<string>();
  const tagCount = options.tags ?? 2000;
  for (let guard = 0; tagNames.size < tagCount && guard < tagCount * 20; guard++) {
    const name = text.phrase(1, 3);
    if (slugify(name)) tagNames.add(name);
  }
  const tagIds = (await deps.tags.ensure([...tagNames])).map((t) => t.id);

  // Articles.
  const total = options.articles;
  const batchSize = options.batchSize ?? 5000;
  const writer = store.sqlite ? createSqliteBulkWriter(store.sqlite) : createPostgresBulkWriter(store);
  const progress = options.progress?.(total);
  const untilMs = (options.until ?? new Date(Date.UTC(2025, 5, 1))).getTime();
  const startMs = untilMs - total * STEP_MS;
  let published = 0;
  let articles: Row[] = [];
  let tagRows: Row[] = [];
  let creditRows: Row[] = [];
  const flush = async () => {
    if (articles.length === 0) return;
    await writer.write({ articles, tags: tagRows, credits: creditRows });
    progress?.tick(articles.length);
    articles = [];
    tagRows = [];
    creditRows = [];
  };

  for (let id = 1; id <= total; id++) {
    const headline = text.headline();
    const publishedMs = startMs + id * STEP_MS - random.int(0, STEP_MS / 2);
    const draft = random.chance(0.003);
    if (!draft) published++;
    const dateline = random.pick(DATELINES);
    const hero = random.chance(0.85) ? (random.pick(imageIds) as number) : null;
    const blocks: Block[] = [];
    const paragraphs = random.int(5, 11);
    for (let p = 0; p < paragraphs; p++) {
      blocks.push({ type: "paragraph", content: [{ text: text.paragraph() }] });
      if (p === 1 && id > 1 && random.chance(0.7))
        blocks.push({ type: "related", articleId: random.int(Math.max(1, id - 3000), id - 1) });
      if (p === 3 && random.chance(0.3)) blocks.push({ type: "heading", level: 2, text: text.headline() });
      if (p === 4 && random.chance(0.2))
        blocks.push({
          type: "blockquote",
          content: [{ text: text.sentence() }],
          attribution: text.phrase(2, 2),
        });
      if (p === 5 && random.chance(0.1))
        blocks.push({
          type: "image",
          mediaId: random.pick(imageIds) as number,
          caption: text.sentence(),
          credit: "Warta",
        });
      if (p === paragraphs - 2 && id > 10 && random.chance(0.3))
        blocks.push({ type: "related", articleId: random.int(Math.max(1, id - 50_000), id - 1) });
    }
    const body: BodyDocument = { version: BODY_VERSION, blocks };
    const updated = !draft && random.chance(0.1) ? publishedMs + random.int(1, 48) * 3_600_000 : null;
    articles.push([
      id,
      slugify(headline) || "artikel",
      headline,
      text.sentence(),
      sectionIds[random.zipf(sectionIds.length, 8)] as number,
      dateline.place,
      "WARTA",
      dateline.timeZone,
      JSON.stringify(body),
      hero,
      hero === null ? "" : text.sentence(),
      hero === null ? "" : `Warta/${random.pick(LAST_NAMES)}`,
      random.chance(0.3) ? JSON.stringify([{ name: random.pick(SOURCES) }]) : "[]",
      draft ? "draft" : "published",
      draft ? null : iso(publishedMs),
      draft ? null : iso(publishedMs),
      updated === null ? null : iso(updated),
      iso(publishedMs - 3_600_000),
      iso(updated ?? publishedMs),
      1,
    ]);
    const tagsFor = new Set<number>();
    const tagCountFor = random.int(1, 4);
    for (let t = 0; t < tagCountFor; t++) tagsFor.add(tagIds[random.zipf(tagIds.length, 5)] as number);
    let tagPosition = 0;
    for (const tagId of tagsFor) tagRows.push([id, tagId, tagPosition++]);
    const writers = new Set<number>([random.pick(reporters) as number]);
    if (random.chance(0.2)) writers.add(random.pick(reporters) as number);
    let writerPosition = 0;
    for (const personId of writers) creditRows.push([id, "penulis", personId, writerPosition++]);
    creditRows.push([id, "editor", random.pick(editors) as number, 0]);
    if (hero !== null && random.chance(0.4))
      creditRows.push([id, "fotografer", random.pick(reporters) as number, 0]);
    if (articles.length >= batchSize) await flush();
  }
  await flush();
  await writer.finish();
  progress?.done();
  return {
    articles: total,
    published,
    sections: sectionIds.length,
    people: personIds.length,
    tags: tagIds.length,
    images: imageIds.length,
    firstId: 1,
    lastId: total,
  };
}
