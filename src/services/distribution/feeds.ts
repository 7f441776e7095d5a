import { GLOBAL_KEYS, personKey, sectionKey, tagKey } from "../../cache/purge-keys.ts";
import { feedPath, personPath, sectionPath, tagPath, type FeedScope } from "../../core/urls.ts";
import { createLiveTaxonomyRepository } from "../../db/repositories/live-taxonomy.repository.ts";
import type { FeedModel } from "../../distribution/distribution.models.ts";
import { latest } from "../../distribution/feed-dates.ts";
import type { SectionsService } from "../sections.service.ts";
import type { ServiceDeps } from "../service-deps.ts";
import type { FeedEntryLoader } from "./feed-entries.ts";

export const FEED_SIZE = 30;

/** What a feed request names before it is resolved: section slugs, a tag or person slug. */
export type FeedRequest =
  | { kind: "home" }
  | { kind: "section"; slugs: string[] }
  | { kind: "tag"; slug: string }
  | { kind: "person"; slug: string };

/** A resolved feed: what it is about, how it is titled, which live list it shows, its cache keys. */
interface FeedScopeModel {
  scope: FeedScope;
  title: string;
  description: string;
  pageUrl: string;
  filter: { sectionIds?: number[]; tagId?: number; personId?: number };
  keys: string[];
}

/** The feeds of home, a section (with its subtree), a tag and a person: live articles, newest first. */
export function createFeeds(
  deps: ServiceDeps & {
    sections: SectionsService;
    siteUrl: string;
    siteName: string;
    siteDescription?: string;
    loadEntries: FeedEntryLoader;
  },
) {
  const { db, repos, clock, sections, siteUrl, siteName, loadEntries } = deps;
  const liveTaxonomy = createLiveTaxonomyRepository();

  /** Null when the section does not exist, or the tag or person has no live story yet. */
  async function resolve(request: FeedRequest, now: Date): Promise<FeedScopeModel | null> {
    if (request.kind === "home")
      return {
        scope: request,
        title: siteName,
        description: deps.siteDescription ?? `Berita terbaru dari ${siteName}.`,
        pageUrl: `${siteUrl}/`,
        filter: {},
        keys: [GLOBAL_KEYS.feeds, GLOBAL_KEYS.latest],
      };
    if (request.kind === "section") {
      const directory = await sections.directory();
      const path = directory.resolve(request.slugs);
      if (!path) return null;
      return {
        scope: { kind: "section", path },
        title: `${path.section.name} - ${siteName}`,
        description: path.section.description || `Berita terbaru rubrik ${path.section.name} di ${siteName}.`,
        pageUrl: siteUrl + sectionPath(path),
        filter: { sectionIds: directory.subtreeIds(path.section.id) },
        keys: [GLOBAL_KEYS.feeds, sectionKey(path.section.id)],
      };
    }
    if (request.kind === "tag") {
      const tag = await repos.taxonomy.tagBySlug(db, request.slug);
      if (!tag || !(await liveTaxonomy.tagIsLive(db, tag.id, now))) return null;
      return {
        scope: { kind: "tag", slug: tag.slug },
        title: `Tag: ${tag.name} - ${siteName}`,
        description: `Berita dengan tag ${tag.name} di ${siteName}.`,
        pageUrl: siteUrl + tagPath(tag.slug),
        filter: { tagId: tag.id },
        keys: [GLOBAL_KEYS.feeds, tagKey(tag.id)],
      };
    }
    const person = await repos.taxonomy.personBySlug(db, request.slug);
    if (!person || !(await liveTaxonomy.personIsLive(db, person.id, now))) return null;
    return {
      scope: { kind: "person", slug: person.slug },
      title: `${person.name} - ${siteName}`,
      description: person.bio || `Berita oleh ${person.name} di ${siteName}.`,
      pageUrl: siteUrl + personPath(person.slug),
      filter: { personId: person.id },
      keys: [GLOBAL_KEYS.feeds, personKey(person.id)],
    };
  }

  /** A feed's model, or null when the section, tag or person does not exist. */
  return async function feed(
    request: FeedRequest,
    options: { fullText?: boolean; limit?: number } = {},
  ): Promise<FeedModel | null> {
    const now = clock();
    const resolved = await resolve(request, now);
    if (!resolved) return null;
    const summaries = await repos.articles.listLive(db, {
      now,
      ...resolved.filter,
      limit: options.limit ?? FEED_SIZE,
    });
    const fullText = options.fullText ?? false;
    const entries = await loadEntries(
      summaries.map((s) => s.id),
      await sections.directory(),
      fullText,
      now,
    );
    const updated =
      entries.reduce<Date | null>((max, e) => latest(max, latest(e.updatedAt, e.publishedAt)), null) ?? now;
    return {
      title: resolved.title,
      description: resolved.description,
      pageUrl: resolved.pageUrl,
      feedUrls: {
        rss: siteUrl + feedPath(resolved.scope, "rss"),
        atom: siteUrl + feedPath(resolved.scope, "atom"),
        json: siteUrl + feedPath(resolved.scope, "json"),
      },
      fullText,
      updated,
      entries,
      surrogateKeys: resolved.keys,
    };
  };
}
