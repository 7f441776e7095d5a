import { GLOBAL_KEYS, topicKey } from "../../cache/purge-keys.ts";
import { topicPath } from "../../core/topic.ts";
import { topicListView, topicView } from "./views/topic.view.ts";
import type { Deps } from "../../app/deps.ts";
import { parseIndexDay } from "../../core/index-day.ts";
import type { SitePage } from "./site-page.ts";
import type { SiteRenderer } from "./site-renderer.ts";
import { rt } from "./reader-messages.ts";
import { parsePageNumber } from "./site-page.ts";
import { factCheckListView } from "./views/fact-check.view.ts";
import { FACT_CHECK_FEED, readerFeedLinks, topicFeedBase } from "./views/reader-feeds.view.ts";
import { indexDayPath, indexDayView } from "./views/index-page.view.ts";

/**
 * The reader features' pages (Indeks, Cek Fakta, Topik Pilihan, live blogs), pure of HTTP like
 * the site renderer, whose layout and error pages they share.
 */
export function createReaderRenderer(deps: Deps, site: SiteRenderer) {
  const { reader, config } = deps;

  return {
    /** `/cek-fakta`: live fact-checks, newest first, paged. */
    async factChecks(halaman: unknown): Promise<SitePage> {
      const pageNumber = parsePageNumber(halaman);
      if (pageNumber === null) return site.error(400);
      const items = await reader.factChecks.listPage(pageNumber);
      if (!items) return site.error(404);
      const url = "/cek-fakta";
      return site.page(
        200,
        {
          title: rt.factCheckTitle,
          description: rt.factCheckDescription,
          canonical: config.siteUrl + (pageNumber > 1 ? `${url}?halaman=${pageNumber}` : url),
          head: readerFeedLinks(FACT_CHECK_FEED, rt.factCheckTitle),
        },
        factCheckListView({ url, items }),
        // Any live story's change purges "latest": a new or changed fact-check included.
        [GLOBAL_KEYS.latest, GLOBAL_KEYS.sections],
      );
    },

    /** `/topik/{slug}`: a Topik Pilihan with its pinned story and timeline, paged. */
    async topic(slug: string, halaman: unknown): Promise<SitePage> {
      const pageNumber = parsePageNumber(halaman);
      if (pageNumber === null) return site.error(400);
      const model = await reader.topics.page(slug, pageNumber);
      if (!model) return site.error(404);
      const url = topicPath(model.topic.slug);
      return site.page(
        200,
        {
          title: model.topic.title,
          description: model.topic.intro || rt.topicsDescription,
          canonical: config.siteUrl + (pageNumber > 1 ? `${url}?halaman=${pageNumber}` : url),
          head: readerFeedLinks(topicFeedBase(model.topic.slug), model.topic.title),
        },
        topicView(model),
        // The topic's own key is purged by its change and by any change of its stories.
        [topicKey(model.topic.id), GLOBAL_KEYS.sections],
      );
    },

    /** `/topik`: every topic with live stories. */
    async topics(): Promise<SitePage> {
      return site.page(
        200,
        { title: rt.topics, description: rt.topicsDescription, canonical: `${config.siteUrl}/topik` },
        topicListView(await reader.topics.listed()),
        [GLOBAL_KEYS.topics, GLOBAL_KEYS.sections],
      );
    },

    /** `/indeks` (today, canonical as such) or `/indeks/{day}`; null day text means today. */
    async indexDay(dayText: string | null): Promise<SitePage> {
      const day = dayText === null ? reader.indexPages.today() : parseIndexDay(dayText);
      if (day === null) return site.error(400);
      const model = await reader.indexPages.day(day);
      if (!model) return site.error(404);
      const url = dayText === null ? "/indeks" : indexDayPath(day);
      return site.page(
        200,
        {
          title: rt.indexTitleOf(model.label),
          description: rt.indexDescription(model.label),
          canonical: config.siteUrl + url,
          // An empty day is a real page (no 404 for a quiet Sunday) but nothing for search engines.
          noindex: model.total === 0,
        },
        indexDayView(model),
        [GLOBAL_KEYS.indeks, GLOBAL_KEYS.sections],
      );
    },
  };
}

export type ReaderRenderer = ReturnType<typeof createReaderRenderer>;
