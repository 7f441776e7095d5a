import type { FeedFormat } from "../../core/urls.ts";
import { FEED_FILES } from "../../core/urls.ts";
import type { FeedModel } from "../../distribution/distribution.models.ts";
import type { DistributionService } from "../distribution.service.ts";

/** Entries in a feed of a reader list (Cek Fakta, a topic), like the site's other feeds. */
export const READER_FEED_SIZE = 30;

/** `/feed/cek-fakta/rss.xml`, `/feed/topik/{slug}/atom.xml`, …: `base` is `/feed/cek-fakta`. */
export const readerFeedPath = (base: string, format: FeedFormat): string => `${base}/${FEED_FILES[format]}`;

/** A feed of live article ids, in order, built by the same entry loader as every other feed. */
export async function readerFeed(
  distribution: Pick<DistributionService, "entries">,
  spec: {
    siteUrl: string;
    title: string;
    description: string;
    pagePath: string;
    feedBase: string;
    ids: number[];
    surrogateKeys: string[];
    fullText: boolean;
    now: Date;
  },
): Promise<FeedModel> {
  const entries = await distribution.entries(spec.ids, spec.fullText);
  const newest = Math.max(
    0,
    ...entries.map((e) => Math.max(e.publishedAt.getTime(), e.updatedAt?.getTime() ?? 0)),
  );
  const url = (format: FeedFormat) => spec.siteUrl + readerFeedPath(spec.feedBase, format);
  return {
    title: spec.title,
    description: spec.description,
    pageUrl: spec.siteUrl + spec.pagePath,
    feedUrls: { rss: url("rss"), atom: url("atom"), json: url("json") },
    fullText: spec.fullText,
    updated: newest > 0 ? new Date(newest) : spec.now,
    entries,
    surrogateKeys: spec.surrogateKeys,
  };
}
