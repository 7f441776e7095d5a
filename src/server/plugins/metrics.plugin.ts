import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../app/deps.ts";
import type { PageCache } from "../../cache/page-cache.ts";
import { prometheusText, type MetricFamily } from "../metrics/prometheus.ts";

const STATUS_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx"] as const;
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Who may read /metrics: a peer on the loopback interface that is not a proxy forwarding someone
 * else (no X-Forwarded-For; the shipped VCL also refuses /metrics), or anyone presenting
 * `Authorization: Bearer WARTA_METRICS_TOKEN`. Everyone else gets the site's 404.
 */
export function mayReadMetrics(request: FastifyRequest, token: string | null): boolean {
  const authorization = request.headers.authorization;
  if (token && typeof authorization === "string" && authorization.startsWith("Bearer ")) {
    const given = Buffer.from(authorization.slice("Bearer ".length));
    const wanted = Buffer.from(token);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
  }
  const peer = request.raw.socket.remoteAddress ?? "";
  return LOOPBACK.has(peer) && request.headers["x-forwarded-for"] === undefined;
}

/**
 * /metrics in the Prometheus text format (docs/operations.md, Monitoring): HTTP responses by
 * status class (counted on the socket, so page-cache hits answered before routing count too, and
 * responses a route writes to the socket itself, like the live blogs' event streams, count when
 * their head is written),
 * page-cache hits and misses, outbox lag, scheduler lateness, store busy time. Never cached.
 */
export function metricsPlugin(deps: Deps) {
  const plugin = async function register(app: FastifyInstance): Promise<void> {
    const responses: Record<(typeof STATUS_CLASSES)[number], number> = {
      "1xx": 0,
      "2xx": 0,
      "3xx": 0,
      "4xx": 0,
      "5xx": 0,
    };
    const started = Date.now();
    const count = (statusCode: number): void => {
      const cls = STATUS_CLASSES[Math.floor(statusCode / 100) - 1];
      if (cls) responses[cls]++;
    };
    // Responses written to the socket by their route (taken-over-response.ts) never finish.
    app.decorate("countResponse", count);

    // Count every response the server writes, including the page cache's raw hits (its onReady
    // puts a listener in front of Fastify's; this one wraps whichever listener is there).
    app.addHook("onReady", async () => {
      const server = app.server;
      const listeners = server.listeners("request");
      const current = listeners[0] as ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
      if (listeners.length !== 1 || !current) return;
      server.removeListener("request", current);
      server.on("request", (req: IncomingMessage, res: ServerResponse) => {
        res.once("finish", () => count(res.statusCode));
        current.call(server, req, res);
      });
    });

    app.get("/metrics", async (request, reply) => {
      reply.header("cache-control", "no-store");
      if (!mayReadMetrics(request, deps.config.metricsToken)) return reply.callNotFound();
      const cache = (app as FastifyInstance & { pageCache?: PageCache | null }).pageCache ?? null;
      const families = await collect(deps, cache, responses, started);
      return reply
        .header("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .send(prometheusText(families));
    });
  };
  // Registered on the root (no encapsulation): the route sits beside the site's, the hook sees the server.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for("skip-override")] = true;
  return plugin;
}

async function collect(
  deps: Deps,
  cache: PageCache | null,
  responses: Record<string, number>,
  started: number,
): Promise<MetricFamily[]> {
  const pageCache = cache?.stats() ?? null;
  const outbox = deps.outbox.stats();
  const lag = await deps.outbox.lag();
  const scheduler = await deps.newsroom.scheduler.lateness();
  const store = deps.store.metrics();
  const node = { node: deps.config.nodeId };
  const one = (value: number) => [{ labels: node, value }];
  return [
    {
      name: "warta_http_responses_total",
      help: "HTTP responses written, by status class (page-cache hits included).",
      type: "counter",
      samples: Object.entries(responses).map(([cls, value]) => ({ labels: { ...node, class: cls }, value })),
    },
    {
      name: "warta_page_cache_hits_total",
      help: "Requests answered from the in-process page cache.",
      type: "counter",
      samples: one(pageCache?.hits ?? 0),
    },
    {
      name: "warta_page_cache_misses_total",
      help: "Cacheable requests the page cache had to render.",
      type: "counter",
      samples: one(pageCache?.misses ?? 0),
    },
    {
      name: "warta_page_cache_bytes",
      help: "Bytes held by the page cache (all encodings).",
      type: "gauge",
      samples: one(pageCache?.bytes ?? 0),
    },
    {
      name: "warta_page_cache_purged_entries_total",
      help: "Page-cache entries dropped by purges.",
      type: "counter",
      samples: one(pageCache?.purgedEntries ?? 0),
    },
    {
      name: "warta_outbox_events_behind",
      help: "Outbox events written but not yet delivered to this node's subscribers.",
      type: "gauge",
      samples: one(lag.behind),
    },
    {
      name: "warta_outbox_oldest_unhandled_seconds",
      help: "Age of the oldest event whose shared work (search, webhooks, Berita Terkait) is not done.",
      type: "gauge",
      samples: one(lag.oldestUnhandledMs / 1000),
    },
    {
      name: "warta_outbox_delivery_lag_seconds",
      help: "Commit-to-delivery delay of the last event this node delivered.",
      type: "gauge",
      samples: one(outbox.lastLagMs / 1000),
    },
    {
      name: "warta_outbox_delivered_total",
      help: "Events delivered to this node's subscribers.",
      type: "counter",
      samples: one(outbox.delivered),
    },
    {
      name: "warta_outbox_recovered_total",
      help: "Events whose shared work this node took over from a node that died.",
      type: "counter",
      samples: one(outbox.recovered),
    },
    {
      name: "warta_scheduler_last_lateness_seconds",
      help: "Scheduled time to actual publication, for the last scheduled publication.",
      type: "gauge",
      samples: one((scheduler.lastMs ?? 0) / 1000),
    },
    {
      name: "warta_scheduler_overdue_seconds",
      help: "How long the oldest due scheduled story has been waiting (0 when none is overdue).",
      type: "gauge",
      samples: one(scheduler.overdueMs / 1000),
    },
    {
      name: "warta_store_queries_total",
      help: "Statements run on the store.",
      type: "counter",
      samples: one(store.queries),
    },
    {
      name: "warta_store_busy_seconds_total",
      help: "Time spent in store statements (on SQLite, event-loop time).",
      type: "counter",
      samples: one(store.querySeconds),
    },
    {
      name: "warta_store_lock_wait_seconds_total",
      help: "SQLite: time spent waiting for another process's write lock.",
      type: "counter",
      samples: one(store.lockWaitSeconds),
    },
    {
      name: "warta_process_uptime_seconds",
      help: "Seconds since this app started.",
      type: "gauge",
      samples: one((Date.now() - started) / 1000),
    },
    {
      name: "warta_process_resident_memory_bytes",
      help: "Resident set size of the process.",
      type: "gauge",
      samples: one(process.memoryUsage.rss()),
    },
  ];
}
