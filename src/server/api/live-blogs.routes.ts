import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../core/errors.ts";
import { isLiveBlogOpen, LIVE_ENTRY_KINDS, type LiveBlog, type LiveEntry } from "../../core/live-blog.ts";
import type { Deps } from "../../app/deps.ts";
import {
  liveBlogFieldsSchema,
  liveEntryFieldsSchema,
  liveEntryPatchSchema,
} from "../../services/reader/live-blogs.service.ts";
import { authorize, requireActor } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";
import { statusSchema } from "./articles.schemas.ts";

const entrySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(LIVE_ENTRY_KINDS),
    text: z.string(),
    attribution: z.string().nullable(),
    mediaId: z.number().int().nullable(),
    caption: z.string().nullable(),
    credit: z.string().nullable(),
    embed: z.object({ provider: z.string(), url: z.string(), title: z.string().nullable() }).nullable(),
    pinned: z.boolean(),
    correction: z.string().nullable(),
    publishedAt: z.string(),
    /** Posted for a later time, not yet shown to readers. */
    scheduled: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: "LiveEntry" });

const blogSchema = z
  .object({
    articleId: z.number().int(),
    coverageStart: z.string(),
    coverageEnd: z.string().nullable(),
    open: z.boolean(),
    entries: z.array(entrySchema),
  })
  .meta({ id: "LiveBlog" });

const listItemSchema = z
  .object({
    articleId: z.number().int(),
    headline: z.string(),
    status: statusSchema,
    coverageStart: z.string(),
    coverageEnd: z.string().nullable(),
    open: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: "LiveBlogListItem" });

const listQuery = z.object({
  limit: z.coerce
    .number()
    .int("Batas harus bilangan bulat.")
    .min(1, "Batas paling sedikit 1.")
    .max(100, "Batas paling banyak 100.")
    .default(50),
});

const entryParams = z.object({
  id: z.coerce.number().int().positive("Id tidak valid."),
  entryId: z.coerce.number().int().positive("Id entri tidak valid."),
});

const presentEntry = (entry: LiveEntry, now: Date) => {
  const { image, embed } = entry.content;
  return {
    id: entry.id,
    kind: entry.kind,
    text: entry.content.text,
    attribution: entry.content.attribution ?? null,
    mediaId: image?.mediaId ?? null,
    caption: image?.caption ?? null,
    credit: image?.credit ?? null,
    embed: embed ? { provider: embed.provider, url: embed.url, title: embed.title ?? null } : null,
    pinned: entry.pinned,
    correction: entry.correction,
    publishedAt: entry.publishedAt.toISOString(),
    scheduled: entry.publishedAt.getTime() > now.getTime(),
    updatedAt: entry.updatedAt.toISOString(),
  };
};

/**
 * Live blogs for the newsroom: start, post entries (text, quote, image, embed; now or scheduled;
 * pinned Ringkasan; corrections), close.
 */
export function liveBlogsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const routes = liveBlogRouteContext(deps);
  return async (app) => {
    blogRoutes(app, routes);
    entryRoutes(app, routes);
  };
}

type App = Parameters<FastifyPluginAsyncZod>[0];
type LiveBlogRouteContext = ReturnType<typeof liveBlogRouteContext>;

/** What the live-blog routes share: the service, a blog as the API shows it, the post check. */
function liveBlogRouteContext(deps: Deps) {
  const live = deps.reader.liveBlogs;
  const presentBlog = async (blog: LiveBlog) => {
    const now = deps.clock();
    return {
      articleId: blog.articleId,
      coverageStart: blog.coverageStart.toISOString(),
      coverageEnd: blog.coverageEnd?.toISOString() ?? null,
      open: isLiveBlogOpen(blog, now),
      entries: (await live.staffEntries(blog.articleId)).map((entry) => presentEntry(entry, now)),
    };
  };
  const authorizePost = async (request: Parameters<typeof requireActor>[0], articleId: number) => {
    const actor = requireActor(request);
    await deps.articles.get(articleId);
    authorize(actor, "liveBlog.post");
    return actor;
  };
  return { deps, live, presentBlog, authorizePost };
}

/** The newsroom's list of live blogs; one blog: read, start (or reopen), close. */
function blogRoutes(app: App, { deps, live, presentBlog, authorizePost }: LiveBlogRouteContext): void {
  app.get(
    "/live-blogs",
    {
      schema: {
        tags: ["live-blogs"],
        summary: "Daftar liputan langsung, yang terakhir berubah lebih dulu (konsol redaksi)",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(listItemSchema) }), ...problems(401, 403, 422) },
      },
    },
    async (request) => {
      authorize(requireActor(request), "article.read");
      const now = deps.clock();
      const rows = await live.list(request.query.limit);
      return {
        items: rows.map((row) => ({
          articleId: row.articleId,
          headline: row.headline,
          status: row.status,
          coverageStart: row.coverageStart.toISOString(),
          coverageEnd: row.coverageEnd?.toISOString() ?? null,
          open: isLiveBlogOpen(row, now),
          updatedAt: row.updatedAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    "/articles/:id/live-blog",
    {
      schema: {
        tags: ["live-blogs"],
        summary: "Liputan langsung sebuah artikel dengan entri-entrinya (juga yang terjadwal)",
        params: idParams,
        response: { 200: blogSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      authorize(requireActor(request), "article.read");
      await deps.articles.get(request.params.id);
      const blog = await live.get(request.params.id);
      if (!blog) return reply404();
      return presentBlog(blog);
    },
  );

  app.put(
    "/articles/:id/live-blog",
    {
      schema: {
        tags: ["live-blogs"],
        summary: "Jadikan artikel liputan langsung, atau buka kembali yang sudah ditutup",
        params: idParams,
        body: liveBlogFieldsSchema.meta({ id: "LiveBlogFields" }),
        response: { 200: blogSchema, ...problems(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const actor = await authorizePost(request, request.params.id);
      return presentBlog(await live.start(request.params.id, request.body, actor));
    },
  );

  app.post(
    "/articles/:id/live-blog/close",
    {
      schema: {
        tags: ["live-blogs"],
        summary: "Tutup liputan langsung (halaman menyatakan liputan telah berakhir)",
        params: idParams,
        response: { 200: blogSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = await authorizePost(request, request.params.id);
      return presentBlog(await live.close(request.params.id, actor));
    },
  );
}

/** A blog's entries: post (now or scheduled), correct, pin, move, remove. */
function entryRoutes(app: App, { deps, live, authorizePost }: LiveBlogRouteContext): void {
  app.post(
    "/articles/:id/live-blog/entries",
    {
      schema: {
        tags: ["live-blogs"],
        summary:
          "Kirim entri liputan langsung (teks, kutipan, foto dari pustaka media, atau sematan; pinned = Ringkasan; publishAt = jadwal tayang)",
        params: idParams,
        body: liveEntryFieldsSchema.meta({ id: "LiveEntryFields" }),
        response: { 201: entrySchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = await authorizePost(request, request.params.id);
      const entry = await live.post(request.params.id, request.body, actor);
      return reply.code(201).send(presentEntry(entry, deps.clock()));
    },
  );

  app.patch(
    "/articles/:id/live-blog/entries/:entryId",
    {
      schema: {
        tags: ["live-blogs"],
        summary:
          "Koreksi atau sematkan entri (`correction` tampil bagi pembaca); `publishAt` memindah jadwal entri terjadwal, null = tayangkan sekarang",
        params: entryParams,
        body: liveEntryPatchSchema.meta({ id: "LiveEntryPatch" }),
        response: { 200: entrySchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = await authorizePost(request, request.params.id);
      const { id, entryId } = request.params;
      return presentEntry(await live.edit(id, entryId, request.body, actor), deps.clock());
    },
  );

  app.delete(
    "/articles/:id/live-blog/entries/:entryId",
    {
      schema: {
        tags: ["live-blogs"],
        summary: "Hapus entri liputan langsung",
        params: entryParams,
        response: { 204: z.null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = await authorizePost(request, request.params.id);
      await live.remove(request.params.id, request.params.entryId, actor);
      return reply.code(204).send(null);
    },
  );
}

function reply404(): never {
  throw new AppError("not_found", "Artikel ini bukan liputan langsung.");
}
