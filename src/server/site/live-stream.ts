import { createHash } from "node:crypto";
import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../app/deps.ts";
import type { DomainEvent } from "../../core/events.ts";
import { liveEntryAnchor, type LiveEntry } from "../../core/live-blog.ts";
import type { IndonesianTimeZone } from "../../core/time-zones.ts";
import type { MediaView } from "../../content/body-html.renderer.ts";
import type { LiveChange } from "../../services/reader/live-blogs.service.ts";
import { takeOverResponse } from "../plugins/taken-over-response.ts";
import { liveEntryView, liveNoticeView, livePinnedView, liveStreamPath } from "./views/live-blog.view.ts";

/** A comment line every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * How far back a catch-up looks, before the previous one began: covers clocks of nodes that
 * disagree by up to this much (what was already told is skipped by its version).
 */
const CATCH_UP_SLACK_MS = 30_000;

/** A stream whose reader stopped reading (this much unsent) is dropped; it reconnects. */
const MAX_UNSENT_BYTES = 1 << 20;

/**
 * The stream's own response headers; the head written to the socket adds the site's security
 * headers (plugins/taken-over-response.ts). The body is the event stream, ended by closing the
 * connection (no chunked framing, no per-stream objects beyond the socket).
 */
const STREAM_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store",
  "x-accel-buffering": "no",
  connection: "close",
};
const STREAM_START = "retry: 3000\n\n";

interface Audience {
  articleId: number;
  clients: Set<Socket>;
  zone: IndonesianTimeZone;
  pageUrl: string;
  /** Changes from this instant on are looked for in the store. */
  since: Date;
  /** What the streams were told, by entry id: the version's digest, or "-" once removed. */
  told: Map<number, string>;
  closed: boolean;
  /** A catch-up is running; `again` asks it to look once more when done. */
  running: Promise<void> | null;
  again: boolean;
}

/** Which audience a socket belongs to (read by the one shared `close` listener). */
const AUDIENCE = Symbol("live-audience");
type StreamSocket = Socket & { [AUDIENCE]?: Audience };

const event = (name: string, data: unknown): string => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

const versionOf = (entry: LiveEntry): string =>
  createHash("sha1")
    .update(
      JSON.stringify([entry.updatedAt.getTime(), entry.pinned, entry.correction, entry.kind, entry.content]),
    )
    .digest("base64");

/**
 * Server-Sent Events to the open pages of live blogs (`/_langsung/{id}`). Every change reaches
 * every node through the outbox (an `article.updated` of the story, services/reader/
 * story-events.ts): a node with open pages of that blog asks the store what changed since it last
 * looked (`changesSince`) — one query per change per node, no polling — renders each change once
 * (the same entry view as the page) and writes the one string to every socket of that blog.
 * Per connection the node keeps the socket and nothing else: the request is taken over from
 * Fastify (`hijack`) and the response is written to the socket directly.
 */
export function createLiveStream(deps: Deps) {
  const audiences = new Map<number, Audience>();

  function message(change: LiveChange, audience: Audience): string {
    switch (change.type) {
      case "entry":
        return entryMessage(change.entry, change.media, audience.zone);
      case "removed":
        return event("removed", { anchor: liveEntryAnchor(change.entryId) });
      case "closed":
        return event("closed", {
          html: liveNoticeView({ blog: change.blog, open: false }, audience.pageUrl, audience.zone).value,
        });
    }
  }

  function entryMessage(entry: LiveEntry, media: MediaView | null, zone: IndonesianTimeZone): string {
    return event("entry", {
      anchor: liveEntryAnchor(entry.id),
      pinned: entry.pinned,
      html: (entry.pinned ? livePinnedView(entry, zone, media) : liveEntryView(entry, zone, media)).value,
    });
  }

  /** True when the streams were not told this change yet (and remembers it as told). */
  function isNews(audience: Audience, change: LiveChange): boolean {
    if (change.type === "closed") {
      if (audience.closed) return false;
      audience.closed = true;
      return true;
    }
    const id = change.type === "entry" ? change.entry.id : change.entryId;
    const version = change.type === "entry" ? versionOf(change.entry) : "-";
    if (audience.told.get(id) === version) return false;
    audience.told.set(id, version);
    return true;
  }

  function write(socket: Socket, text: string): void {
    if (socket.writableLength > MAX_UNSENT_BYTES) socket.destroy();
    else socket.write(text);
  }

  /** Writes a change to every open page of its blog; returns how many streams it reached. */
  function fanOut(change: LiveChange): number {
    const audience = audiences.get(change.articleId);
    if (!audience || audience.clients.size === 0 || !isNews(audience, change)) return 0;
    const text = message(change, audience);
    const reached = audience.clients.size;
    for (const client of audience.clients) write(client, text);
    if (change.type === "closed") for (const client of audience.clients) client.end();
    return reached;
  }

  /** Asks the store what changed for `audience` and tells its streams (single flight per blog). */
  function catchUp(audience: Audience): Promise<void> {
    audience.again = true;
    if (!audience.running)
      audience.running = (async () => {
        try {
          while (audience.again) {
            audience.again = false;
            const started = deps.clock();
            const changes = await deps.reader.liveBlogs.changesSince(audience.articleId, audience.since);
            audience.since = new Date(started.getTime() - CATCH_UP_SLACK_MS);
            for (const change of changes) fanOut(change);
          }
        } finally {
          audience.running = null;
        }
      })();
    return audience.running;
  }

  /** Node subscriber of the outbox: a story with open pages here changed (on any node). */
  async function onEvent(domainEvent: DomainEvent): Promise<void> {
    if (!("articleId" in domainEvent)) return;
    const audience = audiences.get(domainEvent.articleId);
    if (!audience) return;
    if (domainEvent.type === "article.unpublished" || domainEvent.type === "article.deleted") {
      // Withdrawn: its streams end; a reconnect gets the 404 of a story readers cannot see.
      audiences.delete(audience.articleId);
      for (const client of audience.clients) client.end();
      return;
    }
    await catchUp(audience);
  }

  /** Drops a blog's audience once its last stream is gone. */
  function forget(audience: Audience): void {
    if (audience.clients.size === 0 && audiences.get(audience.articleId) === audience)
      audiences.delete(audience.articleId);
  }

  /** The one `close` listener of every stream socket (`this` is the socket). */
  function leave(this: StreamSocket): void {
    const audience = this[AUDIENCE];
    if (!audience) return;
    audience.clients.delete(this);
    forget(audience);
  }

  const unsubscribe = deps.events.subscribe(onEvent);
  const heartbeat = setInterval(() => {
    for (const audience of audiences.values()) for (const client of audience.clients) write(client, ": \n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

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
        for (const audience of audiences.values()) for (const client of audience.clients) client.end();
        audiences.clear();
      });

      app.get(liveStreamPath(0).replace(/0$/, ":id"), async (request, reply) => {
        const { id } = request.params as { id: string };
        if (!/^\d{1,12}$/.test(id)) return reply.code(404).header("cache-control", "no-store").send();
        const articleId = Number(id);
        // HEAD gets the head a GET would (a 404, 204 or the stream's), never a stream.
        const headOnly = request.method === "HEAD";
        // A blog with open streams here is live and running (a withdrawal or the close ends its
        // audience): joining it needs no query.
        let audience = headOnly ? undefined : audiences.get(articleId);
        if (!audience || audience.closed) {
          const [model, live] = await Promise.all([
            deps.reading.articlePage(articleId),
            deps.reader.liveBlogs.page(articleId),
          ]);
          if (!model || !live) return reply.code(404).header("cache-control", "no-store").send();
          // 204 tells EventSource not to reconnect: the coverage has ended.
          if (!live.open) return reply.code(204).header("cache-control", "no-store").send();
          if (headOnly) return reply.code(200).headers(STREAM_HEADERS).removeHeader("connection").send();
          audience = audiences.get(articleId);
          if (!audience || audience.closed) {
            audience = {
              articleId,
              clients: new Set(),
              zone: model.article.dateline.timeZone,
              pageUrl: model.url,
              since: new Date(deps.clock().getTime() - CATCH_UP_SLACK_MS),
              // What the page shows now is no news to its stream.
              told: new Map(live.entries.map((entry) => [entry.id, versionOf(entry)])),
              closed: false,
              running: null,
              again: false,
            };
            audiences.set(articleId, audience);
          }
        }
        // A taken-over response never reaches onResponse: end the page cache's single flight for
        // this URL now, or the next reader's request would wait for it (a stream is never cached).
        request.pageCacheState?.finish();
        request.pageCacheState = null;
        const socket = takeOverResponse(reply, 200, STREAM_HEADERS, STREAM_START) as StreamSocket | null;
        if (!socket) {
          forget(audience);
          return;
        }
        socket[AUDIENCE] = audience;
        audience.clients.add(socket);
        socket.on("close", leave);
      });
    },
  };
}

export type LiveStream = ReturnType<typeof createLiveStream>;
