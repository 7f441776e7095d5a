import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { Block, BodyDocument } from "../content/body.schema.ts";
import { BODY_VERSION } from "../content/body.schema.ts";
import type { Deps } from "../app/deps.ts";
import { DEMO_ARTICLES, DEMO_IMAGES, DEMO_PEOPLE, DEMO_SECTIONS } from "./demo/demo-content.ts";
import type { DemoArticle, DemoBlock } from "./demo/demo-content.types.ts";
import { renderDemoImage } from "./demo/demo-images.ts";
import { loadReaderDemo } from "./demo/load-reader-demo.ts";

export interface DemoLoadResult {
  loaded: boolean;
  articles: number;
}

/**
 * Loads Warta's original demo content through the same services the newsroom uses, so events fire
 * and every subscriber (search, caches) follows. Does nothing when the store already has articles.
 */
export async function loadDemo(deps: Deps, options: { force?: boolean } = {}): Promise<DemoLoadResult> {
  const existing = await deps.store.db.selectFrom("articles").select("id").limit(1).executeTakeFirst();
  if (existing && !options.force) return { loaded: false, articles: 0 };
  const actor = SYSTEM_ACTOR;

  const imageIds = new Map<string, number>();
  for (const spec of DEMO_IMAGES) {
    const bytes = await renderDemoImage(spec);
    const media = await deps.media.storeImage({ bytes, fileName: `${spec.key}.jpg`, alt: spec.alt }, actor);
    imageIds.set(spec.key, media.id);
  }
  const image = (key: string): number => {
    const id = imageIds.get(key);
    if (id === undefined) throw new Error(`Demo image "${key}" is not defined`);
    return id;
  };

  const sectionIds = new Map<string, number>();
  for (const [position, section] of DEMO_SECTIONS.entries()) {
    const parentId = section.parent ? (sectionIds.get(section.parent) ?? null) : null;
    const created = await deps.sections.create(
      { name: section.name, slug: section.slug, parentId, position, description: section.description },
      actor,
    );
    sectionIds.set(section.slug, created.id);
  }

  const personIds = new Map<string, number>();
  for (const person of DEMO_PEOPLE) {
    const created = await deps.people.create(
      {
        name: person.name,
        slug: person.slug,
        bio: person.bio,
        photoMediaId: person.photo ? image(person.photo) : null,
      },
      actor,
    );
    personIds.set(person.slug, created.id);
  }

  const input = async (article: DemoArticle, body: BodyDocument) => ({
    headline: article.headline,
    lede: article.lede,
    sectionId: sectionIds.get(article.section) ?? 0,
    dateline: article.dateline,
    body,
    hero: article.hero
      ? { mediaId: image(article.hero.image), caption: article.hero.caption, credit: article.hero.credit }
      : null,
    sources: article.sources,
    tagIds: (await deps.tags.ensure(article.tags)).map((t) => t.id),
    credits: article.credits.map((c) => ({ role: c.role, personId: personIds.get(c.person) ?? 0 })),
  });

  // Pass 1: create every article without its "Baca Juga" blocks, to learn the ids.
  const articleIds = new Map<string, number>();
  const versions = new Map<string, number>();
  for (const article of DEMO_ARTICLES) {
    const created = await deps.articles.create(
      await input(
        article,
        toBody(article.body, () => null, image),
      ),
      actor,
    );
    articleIds.set(article.key, created.id);
    versions.set(article.key, created.version);
  }
  // Pass 2: the full bodies, then publish or schedule with the article's own times.
  for (const article of DEMO_ARTICLES) {
    const id = articleIds.get(article.key) as number;
    const body = toBody(article.body, (key) => articleIds.get(key) ?? null, image);
    await deps.articles.update(id, await input(article, body), actor, {
      expectedVersion: versions.get(article.key) as number,
    });
    const status = article.status ?? "published";
    if (status === "draft") continue;
    await deps.articles.transition(id, status === "scheduled" ? "schedule" : "publish", actor, {
      at: new Date(article.publishedAt),
      updatedAt: article.updatedAt ? new Date(article.updatedAt) : undefined,
    });
  }
  await loadReaderDemo(deps, articleIds);
  return { loaded: true, articles: DEMO_ARTICLES.length };
}

function toBody(
  blocks: DemoBlock[],
  articleId: (key: string) => number | null,
  image: (key: string) => number,
): BodyDocument {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.type === "related") {
      const id = articleId(block.article);
      if (id !== null) out.push({ type: "related", articleId: id });
    } else if (block.type === "image") {
      out.push({ type: "image", mediaId: image(block.image), caption: block.caption, credit: block.credit });
    } else out.push(block);
  }
  return { version: BODY_VERSION, blocks: out };
}
