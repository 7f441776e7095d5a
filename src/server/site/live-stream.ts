import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../app/deps.ts";
import { liveEntryAnchor, type LiveEntry } from "../../core/live-blog.ts";
import type { IndonesianTimeZone } from "../../core/time-zones.ts";
import type { LiveChange } from "../../services/reader/live-blogs.service.ts";
import { liveEntryView, liveNoticeView, livePinnedView, liveStreamPath } from "./views/live-blog.view.ts";

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

interface Audience {
  clients: Set<PassThrough>;
  zone: IndonesianTimeZone;
  pageUrl: string;
  /** Changes from this instant on are looked for in the store (other nodes' entries). */
  since: Date;
  /** What the streams were told, by entry id: the version (updatedAt ms) or -1 once removed. */
  told: Map<number, number>;
  closed: boolean;
}

/** How often a node looks in the store for entries posted through other nodes. */
export const LIVE_POLL_MS = 1_000;

const event = (name: string, data: unknown): string => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Server-Sent Events to the open pages of live blogs (`/_langsung/{id}`). A change is rendered
 * once — the same entry view as the page — and the one string is written to every open stream
 * of that blog, so fanning an entry out to thousands of readers is a loop of socket writes.
 */
export function createLiveStream(deps: Deps, options: { pollMs?: number } = {}) {
  const audiences = new Map<number, Audience>();
  const pollMs = options.pollMs ?? LIVE_POLL_MS;

  function message(change: LiveChange, audience: Audience): string {
    switch (change.type) {
      case "entry":
        return entryMessage(change.entry, audience.zone);
      case "removed":
        return event("removed", { anchor: liveEntryAnchor(change.entryId) });
      case "closed":
        return event("closed", {
          html: liveNoticeView({ blog: change.blog, open: false }, audience.pageUrl, audience.zone).value,
        });
    }
  }

  function entryMessage(entry: LiveEntry, zone: IndonesianTimeZone): string {
    return event("entry", {
      anchor: liveEntryAnchor(entry.id),
      pinned: entry.pinned,
      html: (entry.pinned ? livePinnedView(entry, zone) : liveEntryView(entry, zone)).value,
    });
  }

  /** Whether the streams were already told this change (by this node or an earlier poll). */
  function alreadyTold(audience: Audience, change: LiveChange): boolean {
    if (change.type === "closed") return audience.closed;
    const id = change.type === "entry" ? change.entry.id : change.entryId;
    const version = change.type === "entry" ? change.entry.updatedAt.getTime() : -1;
    return audience.told.get(id) === version;
  }

  function remember(audience: Audience, change: LiveChange): void {
    if (change.type === "closed") audience.closed = true;
    else if (change.type === "entry") audience.told.set(change.entry.id, change.entry.updatedAt.getTime());
    else audience.told.set(change.entryId, -1);
  }

  /** Writes a change to every open page of its blog; returns how many streams it reached. */
  function fanOut(change: LiveChange): number {
    const audience = audiences.get(change.articleId);
    if (!audience || audience.clients.size === 0) return 0;
    if (alreadyTold(audience, change)) return 0;
    remember(audience, change);
    const text = message(change, audience);
    for (const client of audience.clients) client.write(text);
    if (change.type === "closed") for (const client of audience.clients) client.end();
    return audience.clients.size;
  }

  const unsubscribe = deps.reader.liveBlogs.subscribe(fanOut);
  const heartbeat = setInterval(() => {
    for (const audience of audiences.values()) for (const client of audience.clients) client.write(": \n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  // Several nodes: each looks in the store for what the others posted (one query per open blog).
  let polling = false;
  const poll =
    pollMs > 0
      ? setInterval(() => {
          if (polling || audiences.size === 0) return;
          polling = true;
          void (async () => {
            for (const [articleId, audience] of audiences) {
              const started = deps.clock();
              const changes = await deps.reader.liveBlogs.changesSince(articleId, audience.since);
              // A change made while the query ran is seen by the next one (`>=`, told once).
              audience.since = new Date(started.getTime() - 1_000);
              for (const change of changes) fanOut(change);
            }
          })()
            .catch(() => {})
            .finally(() => {
              polling = false;
            });
        }, pollMs)
      : null;
  poll?.unref();

  return {
    fanOut,
    /** Open streams, all blogs together. */
    connections(): number {
      let n = 0;
      for (const audience of audiences.values()) n += audience.clients.size;
      return n;
    },

    register: async function register(app: FastifyInstance): Promise<void> {
      app.addHook("onClose", async () => {
        unsubscribe();
        clearInterval(heartbeat);
        if (poll) clearInterval(poll);
        for (const audience of audiences.values()) for (const client of audience.clients) client.end();
        audiences.clear();
      });

      app.get(liveStreamPath(0).replace(/0$/, ":id"), async (request, reply) => {
        const { id } = request.params as { id: string };
        if (!/^\d{1,12}$/.test(id)) return reply.code(404).header("cache-control", "no-store").send();
        const articleId = Number(id);
        const [model, live] = await Promise.all([
          deps.reading.articlePage(articleId),
          deps.reader.liveBlogs.page(articleId),
        ]);
        if (!model || !live) return reply.code(404).header("cache-control", "no-store").send();
        // 204 tells EventSource not to reconnect: the coverage has ended.
        if (!live.open) return reply.code(204).header("cache-control", "no-store").send();
        let audience = audiences.get(articleId);
        if (!audience) {
          audience = {
            clients: new Set(),
            zone: model.article.dateline.timeZone,
            pageUrl: model.url,
            since: deps.clock(),
            told: new Map(),
            closed: false,
          };
          audiences.set(articleId, audience);
        }
        const stream = new PassThrough();
        const joined = audience;
        joined.clients.add(stream);
        const leave = () => {
          joined.clients.delete(stream);
          if (joined.clients.size === 0 && audiences.get(articleId) === joined) audiences.delete(articleId);
          stream.end();
        };
        request.raw.on("close", leave);
        stream.write("retry: 3000\n\n");
        return reply
          .header("content-type", "text/event-stream; charset=utf-8")
          .header("cache-control", "no-store")
          .header("x-accel-buffering", "no")
          .send(stream);
      });
    },
  };
}

export type LiveStream = ReturnType<typeof createLiveStream>;
