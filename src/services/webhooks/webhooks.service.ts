import { createHash, randomBytes } from "node:crypto";
import type { Executor } from "../../db/repositories/executor.ts";
import { z } from "zod";
import type { Actor } from "../../core/actor.ts";
import { isLive } from "../../core/article.ts";
import { notFound, validationFailed } from "../../core/errors.ts";
import { encodeEvent } from "../../core/event-codec.ts";
import type { ArticleEvent, DomainEvent } from "../../core/events.ts";
import { WEBHOOK_EVENTS, type Webhook, type WebhookDelivery, type WebhookEvent } from "../../core/webhook.ts";
import { createWebhooksRepository } from "../../db/repositories/webhooks.repository.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AuditLog } from "../accounts/audit.service.ts";
import type { ArticlesService } from "../articles.service.ts";
import { parseInput } from "../validation.ts";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signPayload,
  TIMESTAMP_HEADER,
} from "./signature.ts";
import { guardedFetch, targetProblem, type TargetPolicy } from "./webhook-target.ts";

export { WEBHOOK_EVENTS, type WebhookEvent };

/** Delay before retry n (after attempt n failed), jittered ±20 %; after the last, the delivery fails. */
export const RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];
/** A stable id for an event (its content's hash, shaped as a UUID): the same event, the same id. */
function eventIdOf(event: DomainEvent): string {
  const hex = createHash("sha256").update(encodeEvent(event)).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const TIMEOUT_MS = 10_000;
const LOCK_MS = 60_000;
const BATCH = 20;

export const webhookUrlSchema = z
  .string()
  .trim()
  .url("URL tidak valid.")
  .refine((u) => /^https?:\/\//i.test(u), "URL harus http(s).")
  .max(2000);

const webhookFields = {
  url: webhookUrlSchema,
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `Pilih dari: ${WEBHOOK_EVENTS.join(", ")}.` }))
    .min(1, "Pilih minimal satu peristiwa."),
  description: z.string().trim().max(300),
  active: z.boolean(),
};

export const webhookInputSchema = z.object({
  url: webhookFields.url,
  events: webhookFields.events.default(["article.published", "article.updated", "article.unpublished"]),
  description: webhookFields.description.default(""),
  active: webhookFields.active.default(true),
});
export const webhookPatchSchema = z.object(webhookFields).partial();
export type WebhookInput = z.input<typeof webhookInputSchema>;

export interface WebhookDeps {
  db: Executor;
  /** Registrations are audited by the use cases, in the change's transaction (like articles). */
  audit: AuditLog;
  clock: () => Date;
  articles: ArticlesService;
  siteUrl: string;
  /** Which internal receivers are allowed, and the resolver (webhook-target.ts). */
  targets?: TargetPolicy;
  /** Defaults to a fetch that connects only to allowed addresses; tests may pass their own. */
  fetch?: typeof fetch;
  /** Jitter factor in [0.8, 1.2] (tests pass () => 1). */
  jitter?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * Webhooks on publish, update and unpublish. Subscribed to domain events, the service only writes
 * a `pending` delivery row per registration (fast, inside the event) and wakes the dispatcher;
 * the publish never waits for a receiver. The dispatcher POSTs the JSON payload signed with
 * HMAC-SHA256 and retries with exponential backoff (1 s, 5 s, 30 s, 2 min, 10 min, jittered),
 * from the table, so retries survive restarts; claiming a row is a conditional UPDATE, so two
 * processes never send the same attempt twice.
 */
export function createWebhooksService(deps: WebhookDeps) {
  const { db, clock, articles } = deps;
  const repo = createWebhooksRepository();
  const targets: TargetPolicy = deps.targets ?? { allow: [] };
  const send = deps.fetch ?? guardedFetch(targets);
  const jitter = deps.jitter ?? (() => 0.8 + Math.random() * 0.4);
  const onError = deps.onError ?? ((error) => console.error("Webhook dispatcher failed:", error));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  const inFlight = new Set<Promise<unknown>>();

  async function payloadOf(event: ArticleEvent, eventId: string): Promise<Record<string, unknown>> {
    const snapshot = event.after ?? event.before;
    const base = {
      id: eventId,
      type: event.type,
      occurredAt: event.at.toISOString(),
      article: {
        id: event.articleId,
        url: snapshot?.urlPath ? deps.siteUrl + snapshot.urlPath : null,
        previousUrl:
          event.before && event.after && event.before.urlPath !== event.after.urlPath
            ? deps.siteUrl + event.before.urlPath
            : undefined,
      } as Record<string, unknown>,
    };
    if (event.after?.live) {
      const article = await articles.get(event.articleId).catch(() => null);
      if (article && isLive(article, clock()))
        Object.assign(base.article, {
          headline: article.headline,
          lede: article.lede,
          sectionIds: event.after.sectionIds,
          tagIds: event.after.tagIds,
          personIds: event.after.personIds,
          publishedAt: article.publishedAt?.toISOString() ?? null,
          updatedAt: article.updatedAt?.toISOString() ?? null,
        });
    }
    return base;
  }

  /** Event subscriber: enqueue a delivery per matching registration; never blocks on receivers. */
  async function handleEvent(event: DomainEvent): Promise<void> {
    if (!("before" in event)) return;
    if (!(WEBHOOK_EVENTS as readonly string[]).includes(event.type)) return;
    // Only what readers could see: saves of drafts and embargoed stories are nobody's business.
    if (!event.before?.live && !event.after?.live) return;
    const hooks = await repo.activeFor(db, event.type);
    if (hooks.length === 0) return;
    // The same event delivered again (the outbox delivers at least once) gets the same id, and the
    // unique (webhook, event) index keeps its deliveries from being queued twice.
    const eventId = eventIdOf(event);
    const payload = JSON.stringify(await payloadOf(event, eventId));
    const now = clock();
    for (const hook of hooks)
      await repo.enqueue(db, { webhookId: hook.id, eventId, eventType: event.type, payload, at: now });
    if (timer) setImmediate(() => void dispatch());
  }

  async function attempt(delivery: WebhookDelivery): Promise<void> {
    const hook = await repo.byId(db, delivery.webhookId);
    const secret = await repo.secretOf(db, delivery.webhookId);
    const attempts = delivery.attempts + 1;
    if (!hook || secret === null) return;
    let statusCode: number | null = null;
    // Checked again at every send, after resolving the host: a name may now point inside.
    let error: string | null = (await targetProblem(hook.url, targets, "refuse"))
      ? "refused: internal address"
      : null;
    if (error === null)
      try {
        const timestamp = Math.floor(clock().getTime() / 1000);
        const response = await send(hook.url, {
          method: "POST",
          redirect: "manual",
          signal: AbortSignal.timeout(TIMEOUT_MS),
          headers: {
            "content-type": "application/json; charset=utf-8",
            "user-agent": "Warta-Webhooks/1",
            [EVENT_HEADER]: delivery.eventType,
            [DELIVERY_HEADER]: String(delivery.id),
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signPayload(secret, timestamp, delivery.payload),
          },
          body: delivery.payload,
        });
        statusCode = response.status;
        await response.body?.cancel().catch(() => undefined);
        if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
      } catch (cause) {
        error =
          cause instanceof Error && cause.name === "TimeoutError"
            ? "timeout"
            : (cause as { code?: string } | null)?.code === "EBLOCKEDADDRESS"
              ? "refused: internal address"
              : "connection failed";
      }
    const now = clock();
    if (error === null) {
      await repo.finish(db, delivery.id, {
        status: "succeeded",
        attempts,
        nextAttemptAt: null,
        statusCode,
        error: null,
        deliveredAt: now,
      });
      return;
    }
    const delay = RETRY_DELAYS_MS[attempts - 1];
    const giveUp = attempts >= MAX_ATTEMPTS || delay === undefined;
    await repo.finish(db, delivery.id, {
      status: giveUp ? "failed" : "pending",
      attempts,
      nextAttemptAt: giveUp ? null : new Date(now.getTime() + Math.round(delay * jitter())),
      statusCode,
      error,
      deliveredAt: null,
    });
  }

  /** Sends every due delivery once; returns how many were attempted. */
  async function dispatch(): Promise<number> {
    if (running) return running;
    running = (async () => {
      let count = 0;
      const due = await repo.due(db, clock(), BATCH);
      const tasks: Promise<void>[] = [];
      for (const delivery of due) {
        if (!(await repo.claim(db, delivery, clock(), LOCK_MS))) continue;
        count++;
        tasks.push(attempt(delivery));
      }
      await Promise.all(tasks);
      return count;
    })();
    const task = running;
    inFlight.add(task);
    try {
      return await task;
    } catch (error) {
      onError(error);
      return 0;
    } finally {
      inFlight.delete(task);
      running = null;
    }
  }

  async function checkTarget(url: string): Promise<void> {
    const problem = await targetProblem(url, targets, "accept");
    if (problem) throw validationFailed([{ field: "url", message: problem }], problem);
  }

  function presentSecretOnce(hook: Webhook, secret: string) {
    return { ...hook, secret };
  }

  /** Appends a registration change to the audit log inside the change's transaction `tx`. */
  function audited(
    tx: Executor,
    actor: Actor,
    action: string,
    id: number,
    detail: Record<string, unknown> = {},
  ) {
    return deps.audit.record({ actor, action, resourceType: "webhook", resourceId: id, detail }, tx);
  }

  return {
    handleEvent,
    dispatch,
    /** Polls for due deliveries (retries, and ones left from before a restart) every `intervalMs`. */
    start(intervalMs = 1000): void {
      if (timer) return;
      timer = setInterval(() => void dispatch(), intervalMs);
      timer.unref();
      setImmediate(() => void dispatch());
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.allSettled([...inFlight]);
    },

    list: () => repo.list(db),

    async get(id: number): Promise<Webhook> {
      const hook = await repo.byId(db, id);
      if (!hook) throw notFound("Webhook");
      return hook;
    },

    /** Registers a webhook; the secret is returned here only (store it on the receiver). */
    async create(input: WebhookInput, actor: Actor) {
      const data = parseInput(webhookInputSchema, input);
      await checkTarget(data.url);
      const secret = `whsec_${randomBytes(24).toString("base64url")}`;
      const hook = await inTransaction(db, async (tx) => {
        const inserted = await repo.insert(tx, { ...data, secret, at: clock() });
        await audited(tx, actor, "webhook.create", inserted.id, {
          url: inserted.url,
          events: inserted.events,
        });
        return inserted;
      });
      return presentSecretOnce(hook, secret);
    },

    async update(id: number, input: z.input<typeof webhookPatchSchema>, actor: Actor): Promise<Webhook> {
      const data = parseInput(webhookPatchSchema, input);
      if (data.url !== undefined) await checkTarget(data.url);
      await inTransaction(db, async (tx) => {
        if (!(await repo.update(tx, id, data, clock()))) throw notFound("Webhook");
        await audited(tx, actor, "webhook.update", id, { fields: Object.keys(input) });
      });
      return this.get(id);
    },

    async rotateSecret(id: number, actor: Actor) {
      const secret = `whsec_${randomBytes(24).toString("base64url")}`;
      await inTransaction(db, async (tx) => {
        if (!(await repo.update(tx, id, { secret }, clock()))) throw notFound("Webhook");
        await audited(tx, actor, "webhook.rotateSecret", id);
      });
      return presentSecretOnce(await this.get(id), secret);
    },

    async remove(id: number, actor: Actor): Promise<void> {
      await inTransaction(db, async (tx) => {
        if (!(await repo.delete(tx, id))) throw notFound("Webhook");
        await audited(tx, actor, "webhook.delete", id);
      });
    },

    async deliveries(webhookId: number, query: { beforeId?: number; limit: number }) {
      await this.get(webhookId);
      return repo.deliveries(db, webhookId, query);
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
