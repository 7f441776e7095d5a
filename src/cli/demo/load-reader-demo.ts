import { SYSTEM_ACTOR } from "../../core/actor.ts";
import type { Deps } from "../../app/deps.ts";
import { DEMO_FACT_CHECKS, DEMO_LIVE_BLOG, DEMO_TOPICS, DEMO_VIEWS } from "./demo-articles-reader.ts";

/** A browser's user agent: demo reads are counted like a reader's. */
const DEMO_READER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/**
 * The reader features of the demo (docs/reader-features.md), through the same services as the
 * newsroom: the Cek Fakta verdicts, a Topik Pilihan, a live blog with entries (a photo among them)
 * and read counts that
 * make Terpopuler non-empty. `articleIds` maps demo article keys to their ids.
 */
export async function loadReaderDemo(deps: Deps, articleIds: ReadonlyMap<string, number>): Promise<void> {
  const idOf = (key: string): number => {
    const id = articleIds.get(key);
    if (id === undefined) throw new Error(`Demo article "${key}" is not defined`);
    return id;
  };
  for (const check of DEMO_FACT_CHECKS) {
    const { article, ...input } = check;
    await deps.reader.factChecks.set(idOf(article), input, SYSTEM_ACTOR);
  }
  for (const topic of DEMO_TOPICS) {
    const created = await deps.reader.topics.create(
      { slug: topic.slug, title: topic.title, intro: topic.intro, pinnedArticleId: idOf(topic.pinned) },
      SYSTEM_ACTOR,
    );
    for (const key of topic.articles) await deps.reader.topics.attach(created.id, idOf(key), SYSTEM_ACTOR);
  }
  // The live blog's entries keep their own times: posted under a clock set to each.
  const liveId = idOf(DEMO_LIVE_BLOG.article);
  await deps.reader.liveBlogs.start(liveId, { coverageStart: DEMO_LIVE_BLOG.coverageStart }, SYSTEM_ACTOR);
  const storyPhoto = (await deps.articles.get(liveId)).hero?.mediaId;
  for (const entry of DEMO_LIVE_BLOG.entries) {
    const { at, correction, photo, ...fields } = entry as typeof entry & {
      correction?: string;
      photo?: "story-hero";
    };
    const input = photo ? { ...fields, mediaId: storyPhoto } : fields;
    const posted = await deps.reader.liveBlogs.postAt(liveId, input, new Date(at), SYSTEM_ACTOR);
    if (correction) await deps.reader.liveBlogs.edit(liveId, posted.id, { correction }, SYSTEM_ACTOR);
  }
  for (const [key, views] of DEMO_VIEWS)
    for (let i = 0; i < views; i++) deps.reader.views.record(idOf(key), DEMO_READER);
  await deps.reader.views.flush();
}
