import type { ArticlesService } from "./articles.service.ts";
import { createCorrectionsService, type CorrectionsService } from "./corrections.service.ts";
import { createPresence, type Presence } from "./presence.service.ts";
import { createRevisionsService, type RevisionsService } from "./revisions.service.ts";
import { createScheduler, type AuditRecorder, type Scheduler } from "./scheduler.service.ts";
import type { ServiceDeps } from "./service-deps.ts";
import type { TargetPolicy } from "./webhooks/webhook-target.ts";
import { createWebhooksService, type WebhooksService } from "./webhooks/webhooks.service.ts";

/** The editorial workflow's services beside articles.service (issue #4, second half). */
export interface NewsroomServices {
  revisions: RevisionsService;
  corrections: CorrectionsService;
  scheduler: Scheduler;
  webhooks: WebhooksService;
  presence: Presence;
  /** Stops the scheduler and the webhook dispatcher (idempotent). */
  stop(): Promise<void>;
}

export function createNewsroomServices(
  deps: ServiceDeps & {
    articles: ArticlesService;
    audit: AuditRecorder;
    siteUrl: string;
    fetch?: typeof fetch;
    /** Internal webhook receivers allowed by the operator (WARTA_WEBHOOK_ALLOW_INTERNAL). */
    webhookTargets?: TargetPolicy;
  },
): NewsroomServices {
  const scheduler = createScheduler(deps);
  const webhooks = createWebhooksService({ ...deps, fetch: deps.fetch, targets: deps.webhookTargets });
  // Webhooks only enqueue inside the event; delivery happens later, never blocking a publish.
  deps.events.subscribe((event) => webhooks.handleEvent(event));
  return {
    revisions: createRevisionsService(deps),
    corrections: createCorrectionsService(deps),
    scheduler,
    webhooks,
    presence: createPresence({ clock: deps.clock }),
    async stop() {
      await scheduler.stop();
      await webhooks.stop();
    },
  };
}
