import { GLOBAL_KEYS } from "../../cache/purge-keys.ts";
import type { Deps } from "../../app/deps.ts";
import { parseIndexDay } from "../../core/index-day.ts";
import type { SitePage } from "./site-page.ts";
import type { SiteRenderer } from "./site-renderer.ts";
import { rt } from "./reader-messages.ts";
import { parsePageNumber } from "./site-page.ts";
import { factCheckListView } from "./views/fact-check.view.ts";
import { FACT_CHECK_FEED, readerFeedLinks } from "./views/reader-feeds.view.ts";
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
