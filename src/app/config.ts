import { hostname } from "node:os";
import { z } from "zod";
import { parseDatabaseUrl, type DatabaseUrl } from "../db/store.ts";

/** Configuration from environment variables, validated at boot with messages an operator can act on. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseUrl;
  databaseUrl: string;
  siteUrl: string;
  siteName: string;
  mediaDir: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Page cache memory bound in MB; 0 turns the page cache off. */
  pageCacheMb: number;
  /** Benchmarks only: honour `x-warta-cache-bypass: 1` (render every such request, store nothing). */
  pageCacheBypass: boolean;
  /** A CDN/Varnish endpoint told about every purge, or null. */
  purgeUrl: string | null;
  purgeMethod: "PURGE" | "BAN";
  trustProxy: TrustProxy;
  /** SQLite: how long a write waits (asynchronously) for another process's lock before 503. */
  dbBusyWaitMs: number;
  /**
   * Webhook receivers allowed on internal addresses (loopback, private, link-local): exact host
   * names, IP addresses or CIDR ranges from WARTA_WEBHOOK_ALLOW_INTERNAL (comma-separated).
   */
  webhookAllowInternal: string[];
  /**
   * Hosts an import's remote photos may be fetched from although internal (same form as the
   * webhooks' list): WARTA_IMAGE_FETCH_ALLOW_INTERNAL. Empty by default: only public addresses.
   */
  imageFetchAllowInternal: string[];
  /**
   * This node's name in the outbox (its saved position, its claims): WARTA_NODE_ID, by default
   * `host:port`. Distinct for every node on one database.
   */
  nodeId: string;
  /** How often the outbox looks for events written by other processes (ms). */
  outboxPollMs: number;
  /** Bearer token that opens /metrics beyond loopback, or null (loopback only). */
  metricsToken: string | null;
  /**
   * Terpopuler counting (docs/reader-features.md): `server` counts reads where pages are served
   * (page-cache hits included); `beacon` for a site behind a CDN: article pages send a tiny beacon
   * and the serving path does not count; `off` counts nothing.
   */
  viewCounting: "server" | "beacon" | "off";
  /**
   * TERBARU beside article pages (the news-day rule, cache/purge-keys.ts `terbaruBlock`): `include`
   * (default) puts the shared fragment in by ESI where a cache composes it, so another story's
   * publish does not empty every cached article page; `inline` renders the list into every page
   * (the rule before: every publish purges every article page). For comparison (bench/news-day).
   */
  terbaru: "include" | "inline";
}

const envSchema = z.object({
  WARTA_TERBARU: z
    .enum(["include", "inline"], { error: "WARTA_TERBARU must be include or inline" })
    .default("include"),
  WARTA_VIEW_COUNTING: z
    .enum(["server", "beacon", "off"], { error: "WARTA_VIEW_COUNTING must be server, beacon or off" })
    .default("server"),
  PORT: z.coerce
    .number({ error: "PORT must be a number (e.g. 3000)" })
    .int("PORT must be a whole number")
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  WARTA_DATABASE_URL: z
    .string()
    .default("sqlite:data/warta.db")
    .refine(
      (v) => parseDatabaseUrl(v) !== null,
      "WARTA_DATABASE_URL must look like sqlite:path/to/file.db or postgres://user@host/db",
    ),
  WARTA_SITE_URL: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || (/^https?:\/\//.test(v) && URL.canParse(v)),
      "WARTA_SITE_URL must be an absolute http(s) URL such as https://warta.example",
    ),
  WARTA_SITE_NAME: z.string().min(1).max(100).default("Warta"),
  WARTA_MEDIA_DIR: z.string().min(1).default("data/media"),
  WARTA_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WARTA_PAGE_CACHE_MB: z.coerce
    .number({ error: "WARTA_PAGE_CACHE_MB must be a number of megabytes (e.g. 256; 0 turns the cache off)" })
    .int("WARTA_PAGE_CACHE_MB must be a whole number of megabytes")
    .min(0, "WARTA_PAGE_CACHE_MB must be between 0 and 65536")
    .max(65536, "WARTA_PAGE_CACHE_MB must be between 0 and 65536")
    .default(256),
  WARTA_PAGE_CACHE_BYPASS: z
    .enum(["0", "1", "true", "false"], { error: "WARTA_PAGE_CACHE_BYPASS must be 1 or 0" })
    .default("0"),
  WARTA_PURGE_URL: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === "" || (/^https?:\/\//.test(v) && URL.canParse(v)),
      "WARTA_PURGE_URL must be an absolute http(s) URL such as http://127.0.0.1:6081/",
    ),
  WARTA_PURGE_METHOD: z
    .enum(["PURGE", "BAN"], { error: "WARTA_PURGE_METHOD must be PURGE or BAN" })
    .default("PURGE"),
  WARTA_TRUST_PROXY: z
    .string()
    .default("loopback")
    .refine(
      (v) => /^(true|false|[\w.:/, -]+)$/.test(v) && v.trim().length > 0,
      "WARTA_TRUST_PROXY must be true, false, or proxy addresses/CIDRs such as loopback,10.0.0.0/8",
    ),
  WARTA_DB_BUSY_WAIT_MS: z.coerce
    .number({ error: "WARTA_DB_BUSY_WAIT_MS must be a number of milliseconds (e.g. 3000)" })
    .int("WARTA_DB_BUSY_WAIT_MS must be a whole number of milliseconds")
    .min(0, "WARTA_DB_BUSY_WAIT_MS must be between 0 and 60000")
    .max(60_000, "WARTA_DB_BUSY_WAIT_MS must be between 0 and 60000")
    .default(3000),
  WARTA_WEBHOOK_ALLOW_INTERNAL: z
    .string()
    .default("")
    .refine(
      (v) => /^[\w.:/,[\] -]*$/.test(v),
      "WARTA_WEBHOOK_ALLOW_INTERNAL must be host names, IP addresses or CIDRs separated by commas",
    ),
  WARTA_IMAGE_FETCH_ALLOW_INTERNAL: z
    .string()
    .default("")
    .refine(
      (v) => /^[\w.:/,[\] -]*$/.test(v),
      "WARTA_IMAGE_FETCH_ALLOW_INTERNAL must be host names, IP addresses or CIDRs separated by commas",
    ),
  WARTA_NODE_ID: z
    .string()
    .regex(/^[\w.:@-]{1,100}$/, "WARTA_NODE_ID must be 1–100 letters, digits or . : @ - _")
    .optional(),
  WARTA_OUTBOX_POLL_MS: z.coerce
    .number({ error: "WARTA_OUTBOX_POLL_MS must be a number of milliseconds (e.g. 250)" })
    .int("WARTA_OUTBOX_POLL_MS must be a whole number of milliseconds")
    .min(20, "WARTA_OUTBOX_POLL_MS must be between 20 and 60000")
    .max(60_000, "WARTA_OUTBOX_POLL_MS must be between 20 and 60000")
    .default(250),
  WARTA_METRICS_TOKEN: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v === "" || v.length >= 16,
      "WARTA_METRICS_TOKEN must be at least 16 characters (or empty for loopback-only /metrics)",
    ),
});

/**
 * Which proxies may set X-Forwarded-For (client IPs feed login throttling and the audit log).
 * Default `loopback`: a Varnish or nginx on the same machine. `true` trusts anyone — only behind
 * a proxy that strips the header.
 */
export type TrustProxy = boolean | string[];

function parseTrustProxy(value: string): TrustProxy {
  if (value === "true") return true;
  if (value === "false") return false;
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success)
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = result.data;
  const siteUrl = (e.WARTA_SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.WARTA_DATABASE_URL,
    database: parseDatabaseUrl(e.WARTA_DATABASE_URL) as DatabaseUrl,
    siteUrl,
    siteName: e.WARTA_SITE_NAME,
    mediaDir: e.WARTA_MEDIA_DIR,
    logLevel: e.WARTA_LOG_LEVEL,
    pageCacheMb: e.WARTA_PAGE_CACHE_MB,
    pageCacheBypass: e.WARTA_PAGE_CACHE_BYPASS === "1" || e.WARTA_PAGE_CACHE_BYPASS === "true",
    purgeUrl: e.WARTA_PURGE_URL ? e.WARTA_PURGE_URL : null,
    purgeMethod: e.WARTA_PURGE_METHOD,
    trustProxy: parseTrustProxy(e.WARTA_TRUST_PROXY),
    dbBusyWaitMs: e.WARTA_DB_BUSY_WAIT_MS,
    webhookAllowInternal: e.WARTA_WEBHOOK_ALLOW_INTERNAL.split(",")
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part.length > 0),
    imageFetchAllowInternal: e.WARTA_IMAGE_FETCH_ALLOW_INTERNAL.split(",")
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part.length > 0),
    nodeId: e.WARTA_NODE_ID ?? `${hostname()}:${e.PORT}`,
    outboxPollMs: e.WARTA_OUTBOX_POLL_MS,
    metricsToken: e.WARTA_METRICS_TOKEN ? e.WARTA_METRICS_TOKEN : null,
    viewCounting: e.WARTA_VIEW_COUNTING,
    terbaru: e.WARTA_TERBARU,
  };
}
