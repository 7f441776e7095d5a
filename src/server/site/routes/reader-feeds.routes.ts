import type { FastifyInstance, FastifyReply } from "fastify";
import { buildAtom } from "../../../distribution/atom.builder.ts";
import type { FeedModel } from "../../../distribution/distribution.models.ts";
import { buildJsonFeed } from "../../../distribution/json-feed.builder.ts";
import { buildRss } from "../../../distribution/rss.builder.ts";
import { siteInfo } from "../../../distribution/site-info.ts";
import { READER_FEED_SIZE, readerFeed } from "../../../services/reader/reader-feed.ts";
import type { Deps } from "../../../app/deps.ts";
import { t } from "../messages.ts";
import { rt } from "../reader-messages.ts";
import { FACT_CHECK_FEED, topicFeedBase } from "../views/reader-feeds.view.ts";
import { topicKey } from "../../../cache/purge-keys.ts";
import { topicPath } from "../../../core/topic.ts";
import { DISTRIBUTION_CACHE_CONTROL } from "./distribution.routes.ts";

const TYPES = {
  "rss.xml": "application/rss+xml; charset=utf-8",
  "atom.xml": "application/atom+xml; charset=utf-8",
  "feed.json": "application/feed+json; charset=utf-8",
} as const;

/** Feeds of the reader lists: Cek Fakta and each Topik Pilihan ("Ikuti perkembangan"). */
export function readerFeedsRoutes(deps: Deps) {
  const site = siteInfo(deps.config, t.siteTagline);

  return async function register(app: FastifyInstance): Promise<void> {
    function send(reply: FastifyReply, file: string, model: FeedModel) {
      const type = TYPES[file as keyof typeof TYPES];
      const body =
        file === "rss.xml"
          ? buildRss(model, site)
          : file === "atom.xml"
            ? buildAtom(model, site)
            : buildJsonFeed(model, site);
      return reply
        .header("content-type", type)
        .header("cache-control", DISTRIBUTION_CACHE_CONTROL)
        .header("surrogate-key", model.surrogateKeys.join(" "))
        .send(body);
    }
    const known = (file: string) => Object.hasOwn(TYPES, file);
    const fullText = (query: unknown) => (query as Record<string, unknown>).lengkap === "1";

    app.get("/feed/cek-fakta/:file", async (request, reply) => {
      const { file } = request.params as { file: string };
      if (!known(file)) return reply.callNotFound();
      const model = await readerFeed(deps.distribution, {
        siteUrl: deps.config.siteUrl,
        title: `${rt.factCheckTitle} - ${deps.config.siteName}`,
        description: rt.factCheckDescription,
        pagePath: "/cek-fakta",
        feedBase: FACT_CHECK_FEED,
        ids: await deps.reader.factChecks.latestIds(READER_FEED_SIZE),
        surrogateKeys: ["feeds", "latest"],
        fullText: fullText(request.query),
        now: deps.clock(),
      });
      return send(reply, file, model);
    });

    // "Ikuti perkembangan": the newest stories of a Topik Pilihan.
    app.get("/feed/topik/:slug/:file", async (request, reply) => {
      const { slug, file } = request.params as { slug: string; file: string };
      if (!known(file)) return reply.callNotFound();
      const topic = await deps.reader.topics.bySlug(slug);
      if (!topic) return reply.callNotFound();
      const model = await readerFeed(deps.distribution, {
        siteUrl: deps.config.siteUrl,
        title: `${topic.title} - ${deps.config.siteName}`,
        description: topic.intro || rt.topicsDescription,
        pagePath: topicPath(topic.slug),
        feedBase: topicFeedBase(topic.slug),
        ids: await deps.reader.topics.latestIds(topic.id, READER_FEED_SIZE),
        surrogateKeys: ["feeds", topicKey(topic.id)],
        fullText: fullText(request.query),
        now: deps.clock(),
      });
      return send(reply, file, model);
    });
  };
}
