/**
 * A Warta server for bench/reader-features.bench.ts in its own process: argv = port, database
 * file, view counting mode. Answers IPC messages: "memory" (its resident set after a GC) and
 * `{ post: articleId }` (posts a live-blog entry through the service: the fan-out's start).
 */
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { buildApp } from "../src/server/app.ts";

const [port, file, counting] = process.argv.slice(2);
const config = loadConfig({
  WARTA_DATABASE_URL: `sqlite:${file}`,
  WARTA_SITE_URL: `http://127.0.0.1:${port}`,
  WARTA_LOG_LEVEL: "silent",
  WARTA_VIEW_COUNTING: counting ?? "server",
});
const deps = await createDeps(config);
const app = await buildApp(deps);
await app.listen({ port: Number(port), host: "127.0.0.1" });
const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", async (message: unknown) => {
  if (message === "memory") {
    gc?.();
    process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
  } else if (typeof message === "object" && message && "post" in message) {
    const articleId = (message as { post: number }).post;
    const at = Date.now();
    const started = performance.now();
    // The post (store write, purge) and the synchronous write of the entry to every open stream.
    await deps.reader.liveBlogs.post(articleId, { text: `Entri uji ${at}` }, SYSTEM_ACTOR);
    process.send?.({ serverMs: performance.now() - started });
  }
});
process.on("SIGTERM", async () => {
  await app.close();
  await deps.close();
  process.exit(0);
});
process.send?.({ ready: true });
