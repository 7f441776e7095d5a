import type { FastifyInstance } from "fastify";
import { isAppError } from "../../../core/errors.ts";
import { sectionTrail } from "../../../core/section.ts";
import { parseSearchParams, SITE_PARAMS, type SearchRequest } from "../../../search/query/search-params.ts";
import type { Deps } from "../../../app/deps.ts";
import type { SiteRenderer } from "../site-renderer.ts";
import {
  SEARCH_TEXT,
  searchErrorView,
  searchUrl,
  searchView,
  type SectionOption,
} from "../views/search.view.ts";

const SITE_PAGE_SIZE = 10;
/** Service field names → the site's parameter names, for error messages. */
const FIELD_NAMES: Record<string, string> = { section: "rubrik", tag: "tag", person: "orang" };

/** `/cari?q=`: the reader's search page, complete without JavaScript. */
export function searchRoutes(deps: Deps, renderer: SiteRenderer) {
  return async function register(app: FastifyInstance): Promise<void> {
    async function sectionOptions(): Promise<SectionOption[]> {
      const directory = await deps.sections.directory();
      const options: SectionOption[] = [];
      const walk = (parentId: number | null) => {
        for (const section of directory.children(parentId)) {
          const path = directory.pathOf(section.id);
          if (!path) continue;
          const trail = sectionTrail(path);
          options.push({
            value: trail.map((s) => s.slug).join("/"),
            label: trail.map((s) => s.name).join(" › "),
          });
          walk(section.id);
        }
      };
      walk(null);
      return options;
    }

    app.get("/cari", async (request, reply) => {
      const raw = request.query as Record<string, unknown>;
      let parsed: SearchRequest | null = null;
      try {
        parsed = parseSearchParams(raw, SITE_PARAMS, {
          pageSize: SITE_PAGE_SIZE,
          maxPageSize: SITE_PAGE_SIZE,
        });
        const results = await deps.search.search(parsed);
        const title = parsed.q ? SEARCH_TEXT.resultsFor(parsed.q) : SEARCH_TEXT.title;
        const page = await renderer.page(
          200,
          {
            title,
            noindex: parsed.q.length > 0,
            canonical: parsed.q ? undefined : `${deps.config.siteUrl}/cari`,
          },
          searchView(results, await sectionOptions()),
          ["search"],
        );
        return reply
          .code(200)
          .header("content-type", "text/html; charset=utf-8")
          .header("surrogate-key", "search")
          .header("cache-control", "public, max-age=60")
          .send(page.html.value);
      } catch (error) {
        if (!isAppError(error) || error.code !== "validation_failed") throw error;
        const issues = error.details.map((d) => ({ ...d, field: FIELD_NAMES[d.field] ?? d.field }));
        const typed = typeof raw.q === "string" ? raw.q : "";
        const page = await renderer.page(
          400,
          { title: SEARCH_TEXT.title, noindex: true },
          searchErrorView(parsed ?? { q: typed }, issues, await sectionOptions()),
          [],
        );
        return reply
          .code(400)
          .header("content-type", "text/html; charset=utf-8")
          .header("cache-control", "no-store")
          .send(page.html.value);
      }
    });
  };
}

export { searchUrl };
