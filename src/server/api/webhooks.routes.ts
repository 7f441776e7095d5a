import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Webhook, WebhookDelivery } from "../../core/webhook.ts";
import {
  WEBHOOK_EVENTS,
  webhookUrlSchema,
  type WebhooksService,
} from "../../services/webhooks/webhooks.service.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor, type UserActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";
import { decodeCursor, pageQuery, pageSchema, toPage } from "./pagination.ts";

const eventSchema = z.enum(WEBHOOK_EVENTS);

const webhookSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Webhook" });

const webhookWithSecretSchema = webhookSchema
  .extend({ secret: z.string().describe("Hanya ditampilkan sekali: simpan di penerima.") })
  .meta({ id: "WebhookWithSecret" });

const deliverySchema = z
  .object({
    id: z.number().int(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(["pending", "sending", "succeeded", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    payload: z.unknown(),
  })
  .meta({ id: "WebhookDelivery" });

const createBody = z.object({
  url: webhookUrlSchema,
  events: z.array(eventSchema).optional(),
  description: z.string().max(300).optional(),
  active: z.boolean().optional(),
});

const present = (w: Webhook) => ({
  id: w.id,
  url: w.url,
  events: w.events,
  description: w.description,
  active: w.active,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

const presentDelivery = (d: WebhookDelivery) => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  payload: JSON.parse(d.payload) as unknown,
});

/** Webhooks are an admin's business; the policy table says so (`webhook.manage`, never by token). */
function requireAdmin(request: FastifyRequest): UserActor {
  const actor = requireActor(request);
  authorize(actor, "webhook.manage");
  return actor;
}

/** Webhook registrations (admin) and their delivery log; the use cases write the audit entries. */
export function webhooksRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    readRoutes(app, deps.newsroom.webhooks);
    writeRoutes(app, deps.newsroom.webhooks);
  };
}

type App = Parameters<FastifyPluginAsyncZod>[0];

/** The registrations and each one's delivery log, newest first. */
function readRoutes(app: App, webhooks: WebhooksService): void {
  app.get(
    "/webhooks",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Daftar webhook (admin)",
        response: { 200: z.object({ items: z.array(webhookSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { items: (await webhooks.list()).map(present) };
    },
  );

  app.get(
    "/webhooks/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Satu webhook (admin)",
        params: idParams,
        response: { 200: webhookSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return present(await webhooks.get(request.params.id));
    },
  );

  app.get(
    "/webhooks/:id/deliveries",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Log pengiriman webhook, terbaru dulu (admin)",
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: pageSchema(deliverySchema), ...problems(401, 403, 404, 422) },
      },
    },
    async (request) => {
      requireAdmin(request);
      const cursor = decodeCursor(request.query.cursor);
      const rows = await webhooks.deliveries(request.params.id, {
        beforeId: cursor?.id,
        limit: request.query.limit + 1,
      });
      const page = toPage(rows, request.query.limit, (d) => d.id);
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  );
}

/** Register, change, rotate the secret of and delete a webhook. */
function writeRoutes(app: App, webhooks: WebhooksService): void {
  app.post(
    "/webhooks",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Daftarkan webhook (admin); rahasia penandatangan hanya ditampilkan sekali",
        body: createBody,
        response: { 201: webhookWithSecretSchema, ...problems(401, 403, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const created = await webhooks.create(request.body, actor);
      return reply.code(201).send({ ...present(created), secret: created.secret });
    },
  );

  app.patch(
    "/webhooks/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Ubah webhook (admin); kolom yang tidak dikirim tetap",
        params: idParams,
        body: createBody.partial(),
        response: { 200: webhookSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const updated = await webhooks.update(request.params.id, request.body, actor);
      return present(updated);
    },
  );

  app.post(
    "/webhooks/:id/rotate-secret",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Ganti rahasia penandatangan (admin)",
        params: idParams,
        response: { 200: webhookWithSecretSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const rotated = await webhooks.rotateSecret(request.params.id, actor);
      return { ...present(rotated), secret: rotated.secret };
    },
  );

  app.delete(
    "/webhooks/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Hapus webhook beserta log pengirimannya (admin)",
        params: idParams,
        response: { 204: z.null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireAdmin(request);
      await webhooks.remove(request.params.id, actor);
      return reply.code(204).send(null);
    },
  );
}
