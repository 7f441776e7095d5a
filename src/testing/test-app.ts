import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../app/config.ts";
import { createDeps, type Deps } from "../app/deps.ts";
import { createTestDatabase } from "./test-database.ts";

export interface TestContext {
  deps: Deps;
  app: FastifyInstance;
  dir: string;
  /** Moves the injected clock (when `now` was given). */
  setNow(date: Date): void;
  close(): Promise<void>;
}

/**
 * A real app on a fresh SQLite file in a temp dir (or a fresh PostgreSQL database, see
 * test-database.ts). Pass `now` to control time (embargoes,
 * scheduling); otherwise the clock is real.
 */
export async function createTestContext(
  options: { now?: Date; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const dir = await mkdtemp(join(tmpdir(), "warta-test-"));
  let now = options.now;
  const database = await createTestDatabase(dir);
  const config = loadConfig({
    WARTA_DATABASE_URL: database.url,
    WARTA_MEDIA_DIR: join(dir, "media"),
    WARTA_SITE_URL: "https://warta.test",
    ...options.env,
  });
  const deps = await createDeps(config, {
    clock: () => (now ? new Date(now) : new Date()),
    onEventError: (error) => {
      throw error;
    },
    // Stored images' derivatives come on first request here (a server pre-makes them: DepsOptions).
    prewarmMedia: false,
  });
  const app = await buildApp(deps);
  return {
    deps,
    app,
    dir,
    setNow(date) {
      now = date;
    },
    async close() {
      await app.close();
      await deps.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
