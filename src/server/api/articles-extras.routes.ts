import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { actorNames } from "./actor-names.ts";
import { idParams, problems } from "./api-schemas.ts";
import { decodeCursor, pageQuery, pageSchema, toPage } from "./pagination.ts";

const correctionSchema = z
  .object({ id: z.number().int(), kind: z.enum(["koreksi", "ralat"]), note: z.string(), at: z.string() })
  .meta({ id: "Correction" });

const recentCorrectionSchema = z
  .object({
    id: z.number().int(),
    articleId: z.number().int(),
    headline: z.string().describe("Judul artikel yang dikoreksi (versi terbit)."),
    kind: z.enum(["koreksi", "ralat"]),
    note: z.string(),
    at: z.string(),
  })
  .meta({ id: "RecentCorrection" });

const stepSchema = z
  .object({
    action: z.string(),
    from: z.string(),
    to: z.string(),
    note: z.string().nullable(),
    actorUserId: z.number().int().nullable(),
    actor: z.string(),
    actorName: z.string().nullable().describe("Nama pengguna itu (null bila sistem atau tidak dikenal)."),
    at: z.string(),
  })
  .meta({ id: "WorkflowStep" });

/** Corrections and the workflow log of an article (edit presence: presence.routes.ts). */
export function articleExtrasRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const { corrections, revisions } = deps.newsroom;

    app.get(
      "/articles/:id/corrections",
      {
        schema: {
          tags: ["articles"],
          summary: "Koreksi dan ralat artikel",
          params: idParams,
          response: { 200: z.object({ items: z.array(correctionSchema) }), ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        await deps.articles.get(request.params.id);
        const items = await corrections.list(request.params.id);
        return {
          items: items.map((c) => ({ id: c.id, kind: c.kind, note: c.note, at: c.at.toISOString() })),
        };
      },
    );

    app.get(
      "/corrections",
      {
        schema: {
          tags: ["articles"],
          summary: "Koreksi dan ralat terbaru di semua artikel, terbaru dulu (lajur Koreksi di meja redaksi)",
          querystring: z.object(pageQuery),
          response: { 200: pageSchema(recentCorrectionSchema), ...problems(401, 403, 422) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        const cursor = decodeCursor(request.query.cursor);
        const rows = await corrections.recent({
          limit: request.query.limit + 1,
          after: cursor ? { at: String(cursor.key), id: cursor.id } : undefined,
        });
        const page = toPage(rows, request.query.limit, (c) => c.at.toISOString());
        return {
          items: page.items.map((c) => ({
            id: c.id,
            articleId: c.articleId,
            headline: c.headline,
            kind: c.kind,
            note: c.note,
            at: c.at.toISOString(),
          })),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.post(
      "/articles/:id/corrections",
      {
        schema: {
          tags: ["articles"],
          summary: "Tambah koreksi (fakta) atau ralat (salah tulis) yang tampil di halaman artikel",
          params: idParams,
          body: z.object({ kind: z.enum(["koreksi", "ralat"]), note: z.string().max(2000) }),
          response: { 201: correctionSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "article.correct");
        const correction = await corrections.add(request.params.id, request.body, actor);
        return reply.code(201).send({
          id: correction.id,
          kind: correction.kind,
          note: correction.note,
          at: correction.at.toISOString(),
        });
      },
    );

    app.get(
      "/articles/:id/workflow",
      {
        schema: {
          tags: ["articles"],
          summary: "Langkah alur kerja artikel dengan catatannya, terlama dulu",
          params: idParams,
          response: { 200: z.object({ items: z.array(stepSchema) }), ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        await deps.articles.get(request.params.id);
        const steps = await revisions.workflowLog(request.params.id);
        const names = await actorNames(
          deps,
          steps.map((s) => s.actorUserId),
        );
        return {
          items: steps.map((s) => ({
            action: s.action,
            from: s.from,
            to: s.to,
            note: s.note,
            actorUserId: s.actorUserId,
            actor: s.actorLabel,
            actorName: s.actorUserId === null ? null : (names.get(s.actorUserId) ?? null),
            at: s.at.toISOString(),
          })),
        };
      },
    );
  };
}
