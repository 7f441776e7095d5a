import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../core/actor.ts";
import type { Article } from "../../core/article.ts";
import { AppError, isAppError } from "../../core/errors.ts";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "../../core/workflow.ts";
import type { ArticleInput } from "../../services/article-input.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";
import {
  articleBodySchema,
  articleListItemSchema,
  articleResource,
  articleSchema,
  expectedVersion,
  permissionsOf,
  POLICY_OF,
  presentArticle,
  saveBodySchema,
  storyFilterQuery,
} from "./articles.schemas.ts";
import { articleExtrasRoutes } from "./articles-extras.routes.ts";
import { presenceRoutes } from "./presence.routes.ts";
import { sendNotModified, versionEtag, weakEtag } from "./etag.ts";
import { decodeCursor, pageQuery, pageSchema, toPage } from "./pagination.ts";
import { revisionsRoutes } from "./revisions.routes.ts";

const listQuery = z.object({
  ...pageQuery,
  ...storyFilterQuery,
  userId: z.coerce.number().int().positive().optional().describe("Pengguna yang membuat artikel."),
  q: z
    .string()
    .max(200)
    .optional()
    .describe("Kata di judul (semua harus ada, tanpa beda huruf besar/kecil); juga draf."),
});

const transitionBody = z.object({
  action: z.enum(WORKFLOW_ACTIONS as [WorkflowAction, ...WorkflowAction[]]),
  note: z.string().max(2000).optional().describe("Wajib untuk requestChanges."),
  at: z.iso.datetime({ offset: true }).optional().describe("schedule/publish: waktu terbit (ISO 8601)."),
});

/**
 * The newsroom's articles: create, list, read, save (optimistic, staged when live), workflow
 * transitions and deleting drafts. Every change is audited by the use case itself (in its
 * transaction, with the request's IP from the actor), so CLI and import changes are audited too.
 */
export function articlesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const present = async (id: number) =>
      presentArticle(await deps.articles.working(id), await deps.sections.directory(), deps.clock());

    /** The working copy as the API shows it, with what this actor may do with it now. */
    const presentFor = async (id: number, actor: Actor) => {
      const dto = await present(id);
      const resource = await articleResource(deps, await deps.articles.get(id));
      return { ...dto, can: permissionsOf(actor, resource, dto.staged !== null) };
    };

    /** Re-throws a version conflict with both versions in API shape (yours and the current one). */
    async function conflictAware<T>(submitted: unknown, run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (error) {
        if (!isAppError(error) || error.code !== "version_conflict") throw error;
        const current = error.extra.current as Article | undefined;
        throw new AppError("version_conflict", error.message, {
          extra: {
            submitted,
            current: current ? await present(current.id) : undefined,
          },
        });
      }
    }

    app.post(
      "/articles",
      {
        schema: {
          tags: ["articles"],
          summary: "Buat draf artikel",
          body: articleBodySchema,
          response: { 201: articleSchema, ...problems(401, 403, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "article.create");
        const created = await deps.articles.create(request.body as ArticleInput, actor);
        reply.header("etag", versionEtag(created.version));
        return reply.code(201).send(await presentFor(created.id, actor));
      },
    );

    app.get(
      "/articles",
      {
        schema: {
          tags: ["articles"],
          summary: "Daftar artikel ruang redaksi (semua status), aktivitas terbaru dulu",
          querystring: listQuery,
          response: { 200: pageSchema(articleListItemSchema), ...problems(401, 403, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "article.read");
        const q = request.query;
        const cursor = decodeCursor(q.cursor);
        const sectionIds =
          q.sectionId === undefined ? undefined : (await deps.sections.directory()).subtreeIds(q.sectionId);
        const rows = await deps.articles.listNewsroom({
          statuses: q.status === undefined ? undefined : [q.status].flat(),
          sectionIds,
          personId: q.personId,
          createdByUserId: q.userId,
          headlineWords: q.q?.split(/\s+/).filter(Boolean).slice(0, 8),
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          after: cursor ? { modifiedAt: String(cursor.key), id: cursor.id } : undefined,
          limit: q.limit + 1,
        });
        const page = toPage(rows, q.limit, (row) => row.modifiedAt);
        const body = {
          items: page.items.map((row) => ({
            id: row.id,
            headline: row.headline,
            slug: row.slug,
            sectionId: row.sectionId,
            status: row.status,
            publishedAt: row.publishedAt?.toISOString() ?? null,
            updatedAt: row.updatedAt?.toISOString() ?? null,
            modifiedAt: row.modifiedAt,
            version: row.version,
          })),
          nextCursor: page.nextCursor,
        };
        const etag = weakEtag(JSON.stringify(body.items.map((i) => [i.id, i.version])), body.nextCursor);
        if (sendNotModified(request, reply, etag)) return reply;
        return body;
      },
    );

    app.get(
      "/articles/:id",
      {
        schema: {
          tags: ["articles"],
          summary: "Salinan kerja artikel (dengan revisi tertunda bila ada)",
          params: idParams,
          response: { 200: articleSchema, ...problems(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(actor, "article.read");
        const dto = await presentFor(request.params.id, actor);
        if (sendNotModified(request, reply, versionEtag(dto.version))) return reply;
        return dto;
      },
    );

    app.put(
      "/articles/:id",
      {
        schema: {
          tags: ["articles"],
          summary:
            "Simpan artikel (optimistis: If-Match atau version); artikel terbit disimpan sebagai revisi tertunda",
          params: idParams,
          body: saveBodySchema,
          response: { 200: articleSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const id = request.params.id;
        const article = await deps.articles.get(id);
        authorize(actor, "article.update", await articleResource(deps, article));
        const { version, minor, ...input } = request.body;
        const expected = expectedVersion(request, version);
        const copy = await conflictAware({ ...input, version: expected }, () =>
          deps.articles.save(id, input as ArticleInput, actor, { expectedVersion: expected, minor }),
        );
        reply.header("etag", versionEtag(copy.article.version));
        return {
          ...presentArticle(copy, await deps.sections.directory(), deps.clock()),
          can: permissionsOf(
            actor,
            await articleResource(deps, await deps.articles.get(id)),
            copy.staged !== null,
          ),
        };
      },
    );

    app.post(
      "/articles/:id/transitions",
      {
        schema: {
          tags: ["articles"],
          summary:
            "Langkah alur kerja: submit, requestChanges (dengan catatan), approve, schedule, publish (juga menerbitkan revisi tertunda), unpublish, reopen",
          params: idParams,
          body: transitionBody,
          response: { 200: articleSchema, ...problems(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const id = request.params.id;
        const { action, note, at } = request.body;
        const before = await deps.articles.get(id);
        authorize(actor, POLICY_OF[action], await articleResource(deps, before));
        const after = await conflictAware({ action }, () =>
          deps.articles.transition(id, action, actor, { note, at: at ? new Date(at) : undefined }),
        );
        reply.header("etag", versionEtag(after.version));
        return presentFor(id, actor);
      },
    );

    app.delete(
      "/articles/:id",
      {
        schema: {
          tags: ["articles"],
          summary: "Hapus draf (hanya draf)",
          params: idParams,
          response: { 204: z.null(), ...problems(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const article = await deps.articles.get(request.params.id);
        authorize(actor, "article.delete", await articleResource(deps, article));
        await deps.articles.remove(article.id, actor, { draftsOnly: true });
        return reply.code(204).send(null);
      },
    );

    await app.register(revisionsRoutes(deps));
    await app.register(articleExtrasRoutes(deps));
    await app.register(presenceRoutes(deps));
  };
}
