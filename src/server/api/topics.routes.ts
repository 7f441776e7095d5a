import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Topic } from "../../core/topic.ts";
import type { Deps } from "../../app/deps.ts";
import { topicFieldsSchema } from "../../services/reader/topics.service.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";

const topicSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    intro: z.string(),
    pinnedArticleId: z.number().int().nullable(),
    articleIds: z.array(z.number().int()),
    url: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Topic" });

const topicBody = topicFieldsSchema.meta({ id: "TopicFields" });
const topicPatch = topicFieldsSchema.partial().meta({ id: "TopicPatch" });
const storyParams = z.object({
  id: z.coerce.number().int().positive("Id tidak valid."),
  articleId: z.coerce.number().int().positive("Id artikel tidak valid."),
});

/** Topik Pilihan for the newsroom: create and edit topics, attach and detach stories. */
export function topicsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { topics } = deps.reader;
  const present = async (topic: Topic) => ({
    id: topic.id,
    slug: topic.slug,
    title: topic.title,
    intro: topic.intro,
    pinnedArticleId: topic.pinnedArticleId,
    articleIds: await topics.articleIds(topic.id),
    url: `${deps.config.siteUrl}/topik/${topic.slug}`,
    createdAt: topic.createdAt.toISOString(),
    updatedAt: topic.updatedAt.toISOString(),
  });

  return async (app) => {
    app.get(
      "/topics",
      {
        schema: {
          tags: ["topics"],
          summary: "Daftar Topik Pilihan",
          response: { 200: z.object({ items: z.array(topicSchema) }), ...problems(401, 403) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        return { items: await Promise.all((await topics.all()).map(present)) };
      },
    );

    app.get(
      "/topics/:id",
      {
        schema: {
          tags: ["topics"],
          summary: "Satu Topik Pilihan dengan berita-beritanya",
          params: idParams,
          response: { 200: topicSchema, ...problems(401, 403, 404) },
        },
      },
      async (request) => {
        authorize(requireActor(request), "article.read");
        return present(await topics.get(request.params.id));
      },
    );

    app.post(
      "/topics",
      {
        schema: {
          tags: ["topics"],
          summary: "Buat Topik Pilihan (editor, redaktur, admin)",
          body: topicBody,
          response: { 201: topicSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "topic.manage");
        return reply.code(201).send(await present(await topics.create(request.body, actor)));
      },
    );

    app.patch(
      "/topics/:id",
      {
        schema: {
          tags: ["topics"],
          summary: "Ubah Topik Pilihan; kolom yang tidak dikirim tetap",
          params: idParams,
          body: topicPatch,
          response: { 200: topicSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(actor, "topic.manage");
        return present(await topics.update(request.params.id, request.body, actor));
      },
    );

    app.delete(
      "/topics/:id",
      {
        schema: {
          tags: ["topics"],
          summary: "Hapus Topik Pilihan (beritanya tetap)",
          params: idParams,
          response: { 204: z.null(), ...problems(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "topic.manage");
        await topics.remove(request.params.id, actor);
        return reply.code(204).send(null);
      },
    );

    app.put(
      "/topics/:id/articles/:articleId",
      {
        schema: {
          tags: ["topics"],
          summary: "Masukkan berita ke Topik Pilihan",
          params: storyParams,
          response: { 204: z.null(), ...problems(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "topic.manage");
        await topics.attach(request.params.id, request.params.articleId, actor);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      "/topics/:id/articles/:articleId",
      {
        schema: {
          tags: ["topics"],
          summary: "Keluarkan berita dari Topik Pilihan",
          params: storyParams,
          response: { 204: z.null(), ...problems(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "topic.manage");
        await topics.detach(request.params.id, request.params.articleId, actor);
        return reply.code(204).send(null);
      },
    );
  };
}
