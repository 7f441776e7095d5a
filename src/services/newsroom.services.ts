import type { AuditLog } from "./accounts/audit.service.ts";
import type { ArticlesService } from "./articles.service.ts";
import type { CorrectionsService } from "./corrections.service.ts";
import { createPresence, type Presence } from "./presence.service.ts";
import type { RevisionsService } from "./revisions.service.ts";
import { createScheduler, type Scheduler } from "./scheduler.service.ts";
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

/**
 * The long-lived parts (scheduler loop, webhook dispatcher, edit presence) beside the use cases
 * createServices made; built once by the composition root. Webhooks hear events through
 * app/subscribers.ts.
 */
export function createNewsroomServices(
  deps: ServiceDeps & {
    articles: ArticlesService;
    revisions: RevisionsService;
    corrections: CorrectionsService;
    audit: AuditLog;
    siteUrl: string;
    fetch?: typeof fetch;
    /** Internal webhook receivers allowed by the operator (WARTA_WEBHOOK_ALLOW_INTERNAL). */
    webhookTargets?: TargetPolicy;
  },
): NewsroomServices {
  const scheduler = createScheduler(deps);
  const webhooks = createWebhooksService({ ...deps, fetch: deps.fetch, targets: deps.webhookTargets });
  return {
    revisions: deps.revisions,
    corrections: deps.corrections,
    scheduler,
    webhooks,
    presence: createPresence({ db: deps.db, clock: deps.clock }),
    async stop() {
      await scheduler.stop();
      await webhooks.stop();
    },
  };
}
