/**
 * Terpopuler: how the site counts reads of a story. No cookie, no IP address, nothing about the
 * reader is kept: a read is an article id added to an hourly total. Crawlers and tools are not
 * readers and are recognised by their user agent.
 */

/** The periods of the Terpopuler lists, in hours. */
export const POPULAR_RANGES = { "24j": 24, "7h": 168 } as const;
export type PopularRange = keyof typeof POPULAR_RANGES;

/** User agents that are not readers: crawlers, link previews, monitors, HTTP libraries, headless browsers. */
const BOT =
  /bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|pingdom|uptime|lighthouse|headless|phantom|curl|wget|python|java\/|go-http|okhttp|axios|node-fetch|undici|libwww|httpclient|scrapy|feed|rss/i;

/** True when a request does not come from a reader's browser (no user agent counts as a bot). */
export function isBotUserAgent(userAgent: string | undefined): boolean {
  return userAgent === undefined || userAgent.length < 10 || BOT.test(userAgent);
}

/** The UTC hour bucket of an instant, `2026-11-26T05` (table `article_views`). */
export function viewHourOf(instant: Date): string {
  return instant.toISOString().slice(0, 13);
}

/** The first hour bucket inside a range ending at `now` (the current, partial hour included). */
export function rangeStartHour(range: PopularRange, now: Date): string {
  return viewHourOf(new Date(now.getTime() - (POPULAR_RANGES[range] - 1) * 3_600_000));
}
