import type { FeedEntry } from "../distribution/distribution.models.ts";
import { SITEMAP_MAX_URLS } from "../distribution/sitemap.builder.ts";
import { createArticleSitemaps } from "./distribution/article-sitemaps.ts";
import { createFeedEntries } from "./distribution/feed-entries.ts";
import { createFeeds } from "./distribution/feeds.ts";
import { createTaxonomySitemaps } from "./distribution/taxonomy-sitemaps.ts";
import type { SectionsService } from "./sections.service.ts";
import type { ServiceDeps } from "./service-deps.ts";

export { FEED_SIZE, type FeedRequest } from "./distribution/feeds.ts";

export interface DistributionOptions {
  siteUrl: string;
  siteName: string;
  /** Description of the home feed (default: "Berita terbaru dari {siteName}."). */
  siteDescription?: string;
  /** URLs per article sitemap file (50,000; smaller in tests). */
  sitemapMaxUrls?: number;
}

/**
 * The read side of feeds and sitemaps. Every query here reads the live read model
 * (db/read/live.ts: status `published` and `published_at <= now`), so no draft, scheduled
 * (embargoed) or unpublished story reaches a feed, a sitemap or Google News. The parts live in
 * services/distribution/: feed entries, feeds, article sitemaps, taxonomy sitemaps.
 */
export function createDistributionService(
  deps: ServiceDeps & { sections: SectionsService } & DistributionOptions,
) {
  const { db, clock, sections, siteUrl } = deps;
  const maxUrls = Math.min(deps.sitemapMaxUrls ?? SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
  const loadEntries = createFeedEntries(deps);
  const articleSitemaps = createArticleSitemaps({ db, clock, sections, siteUrl, maxUrls });
  const taxonomySitemaps = createTaxonomySitemaps({ db, clock, sections, siteUrl });

  return {
    /** Feed entries of live article ids, in that order (feeds of Cek Fakta and Topik Pilihan). */
    async entries(ids: number[], fullText = false): Promise<FeedEntry[]> {
      return loadEntries(ids, await sections.directory(), fullText, clock());
    },
    feed: createFeeds({ ...deps, loadEntries }),
    ...articleSitemaps,
    sectionSitemap: taxonomySitemaps.sections,
    tagSitemap: taxonomySitemaps.tags,
    personSitemap: taxonomySitemaps.people,
  };
}

export type DistributionService = ReturnType<typeof createDistributionService>;
