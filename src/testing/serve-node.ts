/**
 * A Warta node as its own process for cluster tests (src/cache/cluster.test.ts): what `warta serve`
 * does — deps, app, listen, the outbox's event delivery, the scheduler, webhooks — without building
 * the admin SPA. Configured by the environment like the real node; prints "ready" when listening.
 */
import { loadConfig } from "../app/config.ts";
import { createDeps } from "../app/deps.ts";
import { buildApp } from "../server/app.ts";

const config = loadConfig(process.env);
const deps = await createDeps(config);
const app = await buildApp(deps);
app.addHook("onClose", async () => deps.close());
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
await app.listen({ port: config.port, host: config.host });
await deps.startEventDelivery();
await deps.newsroom.scheduler.start();
deps.newsroom.webhooks.start();
process.stdout.write("ready\n");
