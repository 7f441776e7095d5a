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
}

const envSchema = z.object({
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
});

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
  };
}
