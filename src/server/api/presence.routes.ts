import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/deps.ts";
import type { PresenceEntry } from "../../services/presence.service.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";

const presenceSchema = z
  .object({
    userId: z.number().int(),
    name: z.string(),
    personId: z.number().int().nullable(),
    state: z.string(),
    since: z.string(),
    seenAt: z.string(),
  })
  .meta({ id: "Presence" });

const othersSchema = z.object({ others: z.array(presenceSchema) });

const articleId = z.coerce.number().int().positive("Id tidak valid.");
const MAX_IDS = 100;

const present = (entries: readonly PresenceEntry[]) =>
  entries.map((e) => ({ ...e, since: e.since.toISOString(), seenAt: e.seenAt.toISOString() }));

/**
 * Edit presence ("Sedang disunting oleh …"): the editor's heartbeat, one story's others, and the
 * others on a whole page of stories at once (the desk's lanes and the story list). Staff signed in
 * only (`article.presence`, never an API token). Kept in the store, so every node sees every editor.
 */
export function presenceRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const { presence } = deps.newsroom;

    app.get(
      "/articles/presence",
      {
        schema: {
          tags: ["articles"],
          summary:
            "Siapa (selain Anda) yang sedang membuka berita-berita ini: satu permintaan untuk satu halaman",
          querystring: z.object({
            ids: z
              .union([articleId, z.array(articleId)])
              .transform((v) => [v].flat())
              .refine((ids) => ids.length <= MAX_IDS, `Paling banyak ${MAX_IDS} id.`)
              .describe("Id berita (ulang parameter: ids=1&ids=2)."),
          }),
          response: {
            200: z.object({
              items: z
                .array(z.object({ articleId: z.number().int(), others: z.array(presenceSchema) }))
                .describe("Hanya berita yang sedang dibuka orang lain, dalam urutan ids."),
            }),
            ...problems(401, 403, 422),
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "article.presence");
        const byArticle = await presence.othersOn(request.query.ids, actor.userId);
        reply.header("cache-control", "private, no-store");
        return {
          items: [...new Set(request.query.ids)].flatMap((id) => {
            const others = byArticle.get(id);
            return others ? [{ articleId: id, others: present(others) }] : [];
          }),
        };
      },
    );

    app.post(
      "/articles/:id/presence",
      {
        schema: {
          tags: ["articles"],
          summary:
            "Detak kehadiran (kirim tiap ~20 detik selama artikel dibuka); jawab: siapa lagi yang membuka",
          params: idParams,
          body: z.object({ state: z.enum(["editing", "viewing"]).default("editing") }).optional(),
          response: { 200: othersSchema, ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(actor, "article.presence");
        await deps.articles.get(request.params.id);
        const others = await presence.heartbeat(
          request.params.id,
          actor.userId,
          request.body?.state ?? "editing",
        );
        return { others: present(others) };
      },
    );

    app.get(
      "/articles/:id/presence",
      {
        schema: {
          tags: ["articles"],
          summary: "Siapa yang sedang membuka artikel (selain Anda)",
          params: idParams,
          response: { 200: othersSchema, ...problems(401, 403) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(actor, "article.presence");
        return { others: present(await presence.others(request.params.id, actor.userId)) };
      },
    );
  };
}
