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
import { createTextMaker, type TextMaker } from "./indonesian-text.ts";
import { createRandom, type Random } from "./random.ts";

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

type GenerateDeps = Pick<Deps, "store" | "sections" | "people" | "tags" | "media">;

/** What every article draws from: the generated images, sections, people and tags. */
interface CorpusRefs {
  imageIds: number[];
  sectionIds: number[];
  personIds: number[];
  editors: number[];
  reporters: number[];
  tagIds: number[];
}

/** One batch of raw rows for the bulk writer. */
interface Batch {
  articles: Row[];
  tags: Row[];
  credits: Row[];
}

/**
 * Builds a reproducible corpus straight into the store: sections (nested), people, tags and a
 * handful of images through the services, then articles, tags and credits with raw batched
 * INSERTs. The bulk path publishes no domain events: rebuild the search index afterwards
 * (`warta reindex`). Every body is valid per the body schema and every article is readable.
 */
export async function generateCorpus(deps: GenerateDeps, options: GenerateOptions): Promise<GenerateResult> {
  await assertEmpty(deps.store);
  const random = createRandom(options.seed);
  const text = createTextMaker(random);
  const imageIds = await generateImages(deps, options.seed, options.images ?? 12);
  const sectionIds = await generateSections(deps);
  const people = await generatePeople(deps, random, text, options.people ?? 400);
  const tagIds = await generateTags(deps, text, options.tags ?? 2000);
  const refs: CorpusRefs = { imageIds, sectionIds, ...people, tagIds };
  const published = await generateArticles(deps.store, random, text, refs, options);
  return {
    articles: options.articles,
    published,
    sections: sectionIds.length,
    people: people.personIds.length,
    tags: tagIds.length,
    images: imageIds.length,
    firstId: 1,
    lastId: options.articles,
  };
}

async function assertEmpty(store: Deps["store"]): Promise<void> {
  const db = store.db;
  const existing = await db.selectFrom("articles").select("id").limit(1).executeTakeFirst();
  const existingSection = await db.selectFrom("sections").select("id").limit(1).executeTakeFirst();
  if (existing || existingSection) throw new StoreNotEmptyError();
}

/** Images: a handful of generated JPEGs reused by every article. */
async function generateImages(deps: GenerateDeps, seed: number, count: number): Promise<number[]> {
  const imageIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = await renderDemoImage({
      key: `generated-${seed}-${i}`,
      width: 1200,
      height: 675,
      scene: SCENES[i % SCENES.length] as DemoScene,
      palette: PALETTES[i % PALETTES.length] as [string, string, string, string],
      seed: seed * 100 + i,
      alt: `Ilustrasi ${i + 1}`,
    });
    const media = await deps.media.storeImage(
      { bytes, fileName: `ilustrasi-${seed}-${i + 1}.jpg`, alt: `Ilustrasi berita ${i + 1}` },
      SYSTEM_ACTOR,
    );
    imageIds.push(media.id);
  }
  return imageIds;
}

/** Sections, nested; articles go to every level, more often to the deeper (more specific) ones. */
async function generateSections(deps: GenerateDeps): Promise<number[]> {
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
        SYSTEM_ACTOR,
      );
      sectionIds.push(section.id);
      if (node.children) await addSections(node.children, section.id);
    }
  };
  await addSections(SECTION_TREE, null);
  return sectionIds;
}

/** People: reporters, editors (the first tenth) and photographers. */
async function generatePeople(deps: GenerateDeps, random: Random, text: TextMaker, count: number) {
  const personIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const person = await deps.people.create(
      { name, bio: `Jurnalis Warta. ${text.sentence()}` },
      SYSTEM_ACTOR,
    );
    personIds.push(person.id);
  }
  const editors = personIds.slice(0, Math.max(1, Math.floor(count / 10)));
  return { personIds, editors, reporters: personIds.slice(editors.length) };
}

/** Tags: Zipf-distributed popularity (articles pick them by rank). */
async function generateTags(deps: GenerateDeps, text: TextMaker, count: number): Promise<number[]> {
  const tagNames = new Set<string>();
  for (let guard = 0; tagNames.size < count && guard < count * 20; guard++) {
    const name = text.phrase(1, 3);
    if (slugify(name)) tagNames.add(name);
  }
  return (await deps.tags.ensure([...tagNames])).map((t) => t.id);
}

/** Articles 1…n, about three minutes apart up to `until`, written in batches; returns how many are published. */
async function generateArticles(
  store: Deps["store"],
  random: Random,
  text: TextMaker,
  refs: CorpusRefs,
  options: GenerateOptions,
): Promise<number> {
  const total = options.articles;
  const batchSize = options.batchSize ?? 5000;
  const writer = store.sqlite ? createSqliteBulkWriter(store, store.sqlite) : createPostgresBulkWriter(store);
  const progress = options.progress?.(total);
  const untilMs = (options.until ?? new Date(Date.UTC(2025, 5, 1))).getTime();
  const startMs = untilMs - total * STEP_MS;
  let published = 0;
  let batch: Batch = { articles: [], tags: [], credits: [] };
  const flush = async () => {
    if (batch.articles.length === 0) return;
    await writer.write(batch);
    progress?.tick(batch.articles.length);
    batch = { articles: [], tags: [], credits: [] };
  };
  for (let id = 1; id <= total; id++) {
    if (addArticle(batch, id, startMs + id * STEP_MS, random, text, refs)) published++;
    if (batch.articles.length >= batchSize) await flush();
  }
  await flush();
  await writer.finish();
  progress?.done();
  return published;
}

/**
 * Adds article `id` (published around `slotMs`, or now and then a draft) with its tags and credits
 * to the batch; true when it is published. The order of the random draws is the corpus: changing it
 * changes every article after.
 */
function addArticle(
  batch: Batch,
  id: number,
  slotMs: number,
  random: Random,
  text: TextMaker,
  refs: CorpusRefs,
): boolean {
  const headline = text.headline();
  const publishedMs = slotMs - random.int(0, STEP_MS / 2);
  const draft = random.chance(0.003);
  const dateline = random.pick(DATELINES);
  const hero = random.chance(0.85) ? (random.pick(refs.imageIds) as number) : null;
  const body = articleBody(id, random, text, refs.imageIds);
  const updated = !draft && random.chance(0.1) ? publishedMs + random.int(1, 48) * 3_600_000 : null;
  batch.articles.push([
    id,
    slugify(headline) || "artikel",
    headline,
    text.sentence(),
    refs.sectionIds[random.zipf(refs.sectionIds.length, 8)] as number,
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
  addTagsAndCredits(batch, id, hero !== null, random, refs);
  return !draft;
}

/** Five to eleven paragraphs with now and then Baca Juga links (earlier articles), a heading, a quote, an image. */
function articleBody(id: number, random: Random, text: TextMaker, imageIds: number[]): BodyDocument {
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
  return { version: BODY_VERSION, blocks };
}

/** One to four tags (popular ones more often); one or two writers, an editor, sometimes a photographer. */
function addTagsAndCredits(
  batch: Batch,
  id: number,
  hasHero: boolean,
  random: Random,
  refs: CorpusRefs,
): void {
  const tagsFor = new Set<number>();
  const tagCountFor = random.int(1, 4);
  for (let t = 0; t < tagCountFor; t++)
    tagsFor.add(refs.tagIds[random.zipf(refs.tagIds.length, 5)] as number);
  let tagPosition = 0;
  for (const tagId of tagsFor) batch.tags.push([id, tagId, tagPosition++]);
  const writers = new Set<number>([random.pick(refs.reporters) as number]);
  if (random.chance(0.2)) writers.add(random.pick(refs.reporters) as number);
  let writerPosition = 0;
  for (const personId of writers) batch.credits.push([id, "penulis", personId, writerPosition++]);
  batch.credits.push([id, "editor", random.pick(refs.editors) as number, 0]);
  if (hasHero && random.chance(0.4))
    batch.credits.push([id, "fotografer", random.pick(refs.reporters) as number, 0]);
}
