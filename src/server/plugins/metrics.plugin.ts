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
  const node = { node: deps.config.nodeId };
  const responseSamples = Object.entries(responses).map(([cls, value]) => ({
    labels: { ...node, class: cls },
    value,
  }));
  return [
    {
      name: "warta_http_responses_total",
      help: "HTTP responses written, by status class (page-cache hits included).",
      type: "counter",
      samples: responseSamples,
    },
    ...labelled(node, pageCacheRows(cache?.stats() ?? null)),
    ...labelled(node, outboxRows(deps.outbox.stats(), await deps.outbox.lag())),
    ...labelled(node, processRows(await deps.newsroom.scheduler.lateness(), deps.store.metrics(), started)),
  ];
}

/** A family with one sample labelled with the node: [type, name, help, value]. */
type Row = [MetricFamily["type"], string, string, number];

const labelled = (node: Record<string, string>, rows: Row[]): MetricFamily[] =>
  rows.map(([type, name, help, value]) => ({ name, help, type, samples: [{ labels: node, value }] }));

function pageCacheRows(pageCache: ReturnType<PageCache["stats"]> | null): Row[] {
  return [
    [
      "counter",
      "warta_page_cache_hits_total",
      "Requests answered from the in-process page cache.",
      pageCache?.hits ?? 0,
    ],
    [
      "counter",
      "warta_page_cache_misses_total",
      "Cacheable requests the page cache had to render.",
      pageCache?.misses ?? 0,
    ],
    [
      "gauge",
      "warta_page_cache_bytes",
      "Bytes held by the page cache (all encodings).",
      pageCache?.bytes ?? 0,
    ],
    [
      "counter",
      "warta_page_cache_purged_entries_total",
      "Page-cache entries dropped by purges.",
      pageCache?.purgedEntries ?? 0,
    ],
  ];
}

function outboxRows(
  outbox: ReturnType<Deps["outbox"]["stats"]>,
  lag: Awaited<ReturnType<Deps["outbox"]["lag"]>>,
): Row[] {
  return [
    [
      "gauge",
      "warta_outbox_events_behind",
      "Outbox events written but not yet delivered to this node's subscribers.",
      lag.behind,
    ],
    [
      "gauge",
      "warta_outbox_oldest_unhandled_seconds",
      "Age of the oldest event whose shared work (search, webhooks, Berita Terkait) is not done.",
      lag.oldestUnhandledMs / 1000,
    ],
    [
      "gauge",
      "warta_outbox_delivery_lag_seconds",
      "Commit-to-delivery delay of the last event this node delivered.",
      outbox.lastLagMs / 1000,
    ],
    [
      "counter",
      "warta_outbox_delivered_total",
      "Events delivered to this node's subscribers.",
      outbox.delivered,
    ],
    [
      "counter",
      "warta_outbox_recovered_total",
      "Events whose shared work this node took over from a node that died.",
      outbox.recovered,
    ],
  ];
}

/** The scheduler, the store and the process itself. */
function processRows(
  scheduler: Awaited<ReturnType<Deps["newsroom"]["scheduler"]["lateness"]>>,
  store: ReturnType<Deps["store"]["metrics"]>,
  started: number,
): Row[] {
  return [
    [
      "gauge",
      "warta_scheduler_last_lateness_seconds",
      "Scheduled time to actual publication, for the last scheduled publication.",
      (scheduler.lastMs ?? 0) / 1000,
    ],
    [
      "gauge",
      "warta_scheduler_overdue_seconds",
      "How long the oldest due scheduled story has been waiting (0 when none is overdue).",
      scheduler.overdueMs / 1000,
    ],
    ["counter", "warta_store_queries_total", "Statements run on the store.", store.queries],
    [
      "counter",
      "warta_store_busy_seconds_total",
      "Time spent in store statements (on SQLite, event-loop time).",
      store.querySeconds,
    ],
    [
      "counter",
      "warta_store_lock_wait_seconds_total",
      "SQLite: time spent waiting for another process's write lock.",
      store.lockWaitSeconds,
    ],
    [
      "gauge",
      "warta_process_uptime_seconds",
      "Seconds since this app started.",
      (Date.now() - started) / 1000,
    ],
    [
      "gauge",
      "warta_process_resident_memory_bytes",
      "Resident set size of the process.",
      process.memoryUsage.rss(),
    ],
  ];
}
