/**
 * The forced-miss baseline of bench/pages.bench.ts: a Warta server whose article renders compute
 * a missing Berita Terkait list on the request path, as before issue #14 (one render at a time;
 * renders that miss meanwhile show none and queue it for the background). argv = port; the store
 * comes from WARTA_DATABASE_URL like `warta serve`.
 */
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { buildApp } from "../src/server/app.ts";

const [port] = process.argv.slice(2);
const deps = await createDeps(loadConfig(process.env));
const served = deps.relatedStories.forArticle;
let computing = false;
deps.relatedStories.forArticle = async (articleId, limit) => {
  const stored = await deps.store.db
    .selectFrom("related_stories")
    .select("article_id")
    .where("article_id", "=", articleId)
    .executeTakeFirst();
  if (!stored && !computing) {
    computing = true;
    try {
      await deps.relatedStories.recompute(articleId);
    } finally {
      computing = false;
    }
  }
  return served(articleId, limit);
};
const app = await buildApp(deps);
await app.listen({ port: Number(port), host: "127.0.0.1" });
process.on("SIGTERM", async () => {
  await app.close();
  await deps.close();
  process.exit(0);
});
process.send?.({ ready: true });
