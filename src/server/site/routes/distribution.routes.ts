import type { FastifyInstance, FastifyReply } from "fastify";
import {
  articleSitemapPath,
  INDEX_SITEMAP_PATH,
  NEWS_SITEMAP_PATH,
  SITEMAP_INDEX_PATH,
  taxonomySitemapPath,
  type FeedFormat,
} from "../../../core/urls.ts";
import { buildAtom } from "../../../distribution/atom.builder.ts";
import { buildJsonFeed } from "../../../distribution/json-feed.builder.ts";
import { buildRss } from "../../../distribution/rss.builder.ts";
import { loadLogo, LOGO_PATH, siteInfo } from "../../../distribution/site-info.ts";
import {
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemapIndex,
  buildUrlset,
} from "../../../distribution/sitemap.builder.ts";
import type { FeedRequest } from "../../../services/distribution.service.ts";
import type { Deps } from "../../../app/deps.ts";
import { t } from "../messages.ts";

/** Feeds, sitemaps and sitemaps' lists change with every publication: five minutes at the edge. */
export const DISTRIBUTION_CACHE_CONTROL = "public, max-age=300, s-maxage=300, stale-while-revalidate=60";

const FEED_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};
const FEED_FORMAT_OF_FILE: Record<string, FeedFormat> = {
  "rss.xml": "rss",
  "atom.xml": "atom",
  "feed.json": "json",
};
const XML_TYPE = "application/xml; charset=utf-8";
const ARTICLE_SITEMAP = /^artikel-(\d{4}-\d{2})(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1), sitemaps, the Google News sitemap, robots.txt and
 * the publisher logo. Registered before the site's catch-all (see docs/distribution.md).
 */
export function distributionRoutes(deps: Deps) {
  const site = siteInfo(deps.config, t.siteTagline);
  const logo = loadLogo();

  return async function register(app: FastifyInstance): Promise<void> {
    const send = (reply: FastifyReply, type: string, keys: string[], body: string) =>
      reply
        .header("content-type", type)
        .header("cache-control", DISTRIBUTION_CACHE_CONTROL)
        .header("surrogate-key", keys.join(" "))
        .send(body);

    async function feed(request: FeedRequest, file: string, query: unknown, reply: FastifyReply) {
      const format = FEED_FORMAT_OF_FILE[file];
      if (!format) return reply.callNotFound();
      const lengkap = (query as Record<string, unknown>).lengkap;
      const model = await deps.distribution.feed(request, { fullText: lengkap === "1" });
      if (!model) return reply.callNotFound();
      const body =
        format === "rss"
          ? buildRss(model, site)
          : format === "atom"
            ? buildAtom(model, site)
            : buildJsonFeed(model, site);
      return send(reply, FEED_TYPES[format], model.surrogateKeys, body);
    }

    app.get("/feed/:file", async (request, reply) => {
      const { file } = request.params as { file: string };
      return feed({ kind: "home" }, file, request.query, reply);
    });

    app.get("/feed/tag/:slug/:file", async (request, reply) => {
      const { slug, file } = request.params as { slug: string; file: string };
      return feed({ kind: "tag", slug }, file, request.query, reply);
    });

    app.get("/feed/profil/:slug/:file", async (request, reply) => {
      const { slug, file } = request.params as { slug: string; file: string };
      return feed({ kind: "person", slug }, file, request.query, reply);
    });

    app.get("/feed/rubrik/*", async (request, reply) => {
      const segments = (request.params as { "*": string })["*"].split("/").filter((s) => s.length > 0);
      const file = segments.pop();
      if (!file || segments.length === 0 || !segments.every((s) => SLUG.test(s))) return reply.callNotFound();
      return feed({ kind: "section", slugs: segments }, file, request.query, reply);
    });

    app.get(SITEMAP_INDEX_PATH, async (_request, reply) => {
      const days = await deps.reader.indexPages.days();
      const sitemaps = await deps.distribution.sitemapIndex();
      if (days.length > 0)
        sitemaps.push({ loc: deps.config.siteUrl + INDEX_SITEMAP_PATH, lastmod: days[0]?.lastmod ?? null });
      // An index must name at least one sitemap: a site without sections has none yet.
      if (sitemaps.length === 0) return reply.callNotFound();
      return send(reply, XML_TYPE, ["sitemap"], buildSitemapIndex(sitemaps));
    });

    const taxonomies = {
      [taxonomySitemapPath("rubrik")]: {
        list: deps.distribution.sectionSitemap,
        keys: ["sitemap", "sections"],
      },
      [taxonomySitemapPath("tag")]: { list: deps.distribution.tagSitemap, keys: ["sitemap"] },
      [taxonomySitemapPath("profil")]: { list: deps.distribution.personSitemap, keys: ["sitemap"] },
    };

    app.get("/sitemaps/:file", async (request, reply) => {
      const { file } = request.params as { file: string };
      const path = `/sitemaps/${file}`;
      if (path === NEWS_SITEMAP_PATH) {
        // A urlset needs at least one url (sitemap-news.xsd): none in the last 48 hours, no sitemap.
        const entries = await deps.distribution.newsSitemap();
        if (entries.length === 0) return reply.callNotFound();
        return send(reply, XML_TYPE, ["sitemap", "latest"], buildNewsSitemap(entries, deps.config.siteName));
      }
      if (path === INDEX_SITEMAP_PATH) {
        const days = await deps.reader.indexPages.days();
        if (days.length === 0) return reply.callNotFound();
        const urls = days.map((d) => ({ loc: `${deps.config.siteUrl}/indeks/${d.day}`, lastmod: d.lastmod }));
        return send(reply, XML_TYPE, ["sitemap", "indeks"], buildUrlset(urls));
      }
      const taxonomy = taxonomies[path];
      if (taxonomy) {
        const urls = await taxonomy.list();
        return urls.length === 0
          ? reply.callNotFound()
          : send(reply, XML_TYPE, taxonomy.keys, buildUrlset(urls));
      }
      const match = ARTICLE_SITEMAP.exec(file);
      if (!match) return reply.callNotFound();
      const month = match[1] as string;
      const part = match[2] ? Number(match[2]) : 1;
      // One spelling per file: `-1` is not a second name for the first part.
      if (articleSitemapPath(month, part) !== path) return reply.callNotFound();
      const urls = await deps.distribution.articleSitemap(month, part);
      if (!urls) return reply.callNotFound();
      return send(reply, XML_TYPE, ["sitemap"], buildUrlset(urls));
    });

    // The news sitemap is named only while it has entries; "latest" refreshes it on every publication.
    app.get("/robots.txt", async (_request, reply) => {
      const news = (await deps.distribution.newsSitemap()).length > 0 ? [NEWS_SITEMAP_PATH] : [];
      return send(
        reply,
        "text/plain; charset=utf-8",
        ["sitemap", "latest"],
        buildRobotsTxt(deps.config.siteUrl, [SITEMAP_INDEX_PATH, ...news]),
      );
    });

    app.get(LOGO_PATH, async (_request, reply) =>
      reply.header("content-type", "image/png").header("cache-control", "public, max-age=86400").send(logo),
    );
  };
}
