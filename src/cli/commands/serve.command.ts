import { ensureAdminBuild } from "../../app/admin-build.ts";
import { buildApp, closeGracefully } from "../../server/app.ts";
import { loadConfig } from "../../app/config.ts";
import { createDeps } from "../../app/deps.ts";
import { parseCommandArgs, type Command } from "../command.ts";
import { loadDemo } from "../load-demo.ts";

async function serve(options: { demo: boolean }): Promise<number> {
  const config = loadConfig(process.env);
  const deps = await createDeps(config);
  if (options.demo) {
    const result = await loadDemo(deps);
    if (result.loaded) console.log(`Demo content loaded: ${result.articles} articles.`);
  }
  // The admin SPA: built at install (postinstall); rebuilt here when missing or stale.
  await ensureAdminBuild().then(
    (built) => built && console.log("Admin built into admin/dist."),
    (error: unknown) => console.error("Building the admin failed; /admin is unavailable:", error),
  );
  const app = await buildApp(deps, { logger: true });
  app.addHook("onClose", async () => deps.close());
  const stop = async (signal: string) => {
    app.log.info(`${signal} received, shutting down`);
    await closeGracefully(app);
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  console.log(`Warta is serving ${config.siteUrl} (store: ${config.database.dialect})`);
  // Events written by other nodes and processes (the outbox), then scheduled publishing (catches up on anything due) and webhook deliveries; stopped by deps.close().
  await deps.startEventDelivery();
  const caughtUp = await deps.newsroom.scheduler.start();
  if (caughtUp.length > 0) console.log(`Scheduler published ${caughtUp.length} overdue article(s).`);
  deps.newsroom.webhooks.start();
  return new Promise<number>(() => {});
}

export const serveCommand: Command = {
  name: "serve",
  summary: "Migrate the store and serve the site",
  usage: "warta serve",
  async run(argv) {
    parseCommandArgs(argv, {}, false);
    return serve({ demo: false });
  },
};

export const startCommand: Command = {
  name: "start",
  summary: "Migrate, load the demo content on first run, and serve (what `npm start` runs)",
  usage: "warta start",
  async run(argv) {
    parseCommandArgs(argv, {}, false);
    return serve({ demo: true });
  },
};
