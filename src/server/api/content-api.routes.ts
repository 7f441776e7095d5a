import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { articleContentKeys, GLOBAL_KEYS, personKey, sectionKey, tagKey } from "../../cache/purge-keys.ts";
import { isAppError, notFound } from "../../core/errors.ts";
import { personPath, tagPath } from "../../core/urls.ts";
import { renderBodyHtml } from "../../content/body-html.renderer.ts";
import { renderBodyText } from "../../content/body-text.renderer.ts";
import type { BodyDocument } from "../../content/body.schema.ts";
import type { ArticlePageModel } from "../../db/read/reading.models.ts";
import type { Deps } from "../../app/deps.ts";
import { authorize } from "../plugins/auth.plugin.ts";
import { idParams, problems } from "./api-schemas.ts";
import { sendNotModified, weakEtag } from "./etag.ts";
import { decodeCursor, pageQuery, pageSchema, toPage } from "./pagination.ts";

/** Shared caches may keep these (published content only); purged by surrogate key on change. */
const CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=30";

const contentListItemSchema = z
  .object({
    id: z.number().int(),
    headline: z.string(),
    lede: z.string(),
    url: z.string(),
    publishedAt: z.string(),
    updatedAt: z.string().nullable(),
    section: z.object({ id: z.number().int(), name: z.string() }),
    image: z.object({ url: z.string(), width: z.number(), height: z.number(), alt: z.string() }).nullable(),
  })
  .meta({ id: "ContentArticleSummary" });

const contentArticleSchema = z
  .object({
    id: z.number().int(),
    headline: z.string(),
    lede: z.string(),
    url: z.string(),
    publishedAt: z.string(),
    updatedAt: z.string().nullable(),
    section: z.object({ id: z.number().int(), name: z.string(), path: z.array(z.string()) }),
    dateline: z.object({ place: z.string(), outlet: z.string().nullable(), timeZone: z.string() }),
    hero: z
      .object({
        url: z.string(),
        width: z.number(),
        height: z.number(),
        caption: z.string(),
        credit: z.string(),
      })
      .nullable(),
    credits: z.array(
      z.object({ role: z.string(), people: z.array(z.object({ name: z.string(), url: z.string() })) }),
    ),
    tags: z.array(z.object({ name: z.string(), url: z.string() })),
    sources: z.array(z.object({ name: z.string(), url: z.string().optional() })),
    corrections: z.array(z.object({ kind: z.string(), note: z.string(), at: z.string() })),
    body: z.unknown().describe("Dokumen isi; blok 'related' hanya menunjuk artikel yang terbit."),
    bodyHtml: z.string(),
    bodyText: z.string(),
    wordCount: z.number().int(),
  })
  .meta({ id: "ContentArticle" });

const listQuery = z.object({
  ...pageQuery,
  section: z.string().max(300).optional().describe("Jalur rubrik, mis. dunia/asia (termasuk subrubrik)."),
  tag: z.string().max(200).optional().describe("Slug tag."),
  person: z.string().max(200).optional().describe("Slug orang (penulis, editor…)."),
});

/**
 * Drops related blocks whose target is not live, so no id of an embargoed story leaks, and photos
 * an import is still fetching (shown nowhere until they are stored).
 */
function publicBody(model: ArticlePageModel): BodyDocument {
  return {
    ...model.article.body,
    blocks: model.article.body.blocks.filter(
      (b) =>
        b.type !== "pendingImage" &&
        (b.type !== "related" || (b.articleId !== undefined && model.related.has(b.articleId))),
    ),
  };
}

/**
 * The read-only content API for apps and partners: published (live) articles only, anonymous or
 * with a token holding `content:read`. Built on the reading model (services/reading.service.ts),
 * which never returns anything that is not live. Responses carry Surrogate-Key and a public
 * Cache-Control so a page cache / CDN can keep and purge them.
 */
export function contentApiRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const siteUrl = deps.config.siteUrl;

    app.get(
      "/content/articles",
      {
        schema: {
          tags: ["content"],
          summary: "Artikel terbit, terbaru dulu (publik, paginasi kursor)",
          security: [],
          querystring: listQuery,
          response: { 200: pageSchema(contentListItemSchema), ...problems(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        if (request.actor) authorize(request.actor, "article.read");
        const q = request.query;
        const directory = await deps.sections.directory();
        const keys: string[] = [GLOBAL_KEYS.latest];
        let sectionIds: number[] | undefined;
        let tagId: number | undefined;
        let personId: number | undefined;
        if (q.section !== undefined) {
          const path = directory.resolve(q.section.split("/").filter(Boolean));
          if (!path) throw notFound("Rubrik");
          sectionIds = directory.subtreeIds(path.section.id);
          keys.push(sectionKey(path.section.id));
        }
        if (q.tag !== undefined) {
          const tag = await deps.tags.bySlug(q.tag);
          if (!tag) throw notFound("Tag");
          tagId = tag.id;
          keys.push(tagKey(tag.id));
        }
        if (q.person !== undefined) {
          const person = await deps.people.bySlug(q.person).catch((error: unknown) => {
            if (isAppError(error) && error.code === "not_found") return null;
            throw error;
          });
          if (!person) throw notFound("Orang");
          personId = person.id;
          keys.push(personKey(person.id));
        }
        const cursor = decodeCursor(q.cursor);
        const live = await deps.reading.liveAfter({
          sectionIds,
          tagId,
          personId,
          limit: q.limit + 1,
          after: cursor ? { publishedAt: String(cursor.key), id: cursor.id } : undefined,
        });
        const page = toPage(live, q.limit, (item) => item.publishedAt.toISOString());
        const items = page.items.map((item) => ({
          id: item.id,
          headline: item.headline,
          lede: item.lede,
          url: siteUrl + item.url,
          publishedAt: item.publishedAt.toISOString(),
          updatedAt: item.updatedAt?.toISOString() ?? null,
          section: { id: item.section.id, name: item.section.name },
          image: item.image ? { ...item.image, url: siteUrl + item.image.url } : null,
        }));
        reply.header("cache-control", CACHE_CONTROL).header("surrogate-key", keys.join(" "));
        const body = { items, nextCursor: page.nextCursor };
        const etag = weakEtag(JSON.stringify(items.map((i) => [i.id, i.updatedAt])), body.nextCursor);
        if (sendNotModified(request, reply, etag)) return reply;
        return body;
      },
    );

    app.get(
      "/content/articles/:id",
      {
        schema: {
          tags: ["content"],
          summary: "Satu artikel terbit (publik)",
          security: [],
          params: idParams,
          response: { 200: contentArticleSchema, ...problems(401, 403, 404) },
        },
      },
      async (request, reply) => {
        if (request.actor) authorize(request.actor, "article.read");
        const model = await deps.reading.articlePage(request.params.id);
        if (!model) throw notFound("Artikel");
        const { article } = model;
        const body = publicBody(model);
        // The same keys as the article page's content, Baca Juga targets included (purge-keys.ts).
        const keys = articleContentKeys({
          articleId: article.id,
          tagIds: article.tagIds,
          personIds: article.credits.map((c) => c.personId),
          linkedArticleIds: model.related.keys(),
          mediaIds: model.media.keys(),
        });
        reply.header("cache-control", CACHE_CONTROL).header("surrogate-key", keys.join(" "));
        const etag = weakEtag(article.id, article.version, model.corrections?.length ?? 0);
        if (sendNotModified(request, reply, etag)) return reply;
        const text = renderBodyText(body);
        return {
          id: article.id,
          headline: article.headline,
          lede: article.lede,
          url: siteUrl + model.url,
          publishedAt: (article.publishedAt as Date).toISOString(),
          updatedAt: article.updatedAt?.toISOString() ?? null,
          section: {
            id: model.path.section.id,
            name: model.path.section.name,
            path: [...model.path.ancestors, model.path.section].map((s) => s.slug),
          },
          dateline: { ...article.dateline },
          hero: model.hero
            ? {
                url: siteUrl + model.hero.image.url,
                width: model.hero.image.width,
                height: model.hero.image.height,
                caption: model.hero.caption,
                credit: model.hero.credit,
              }
            : null,
          credits: model.credits.map((g) => ({
            role: g.role,
            people: g.people.map((p) => ({ name: p.person.name, url: siteUrl + personPath(p.person.slug) })),
          })),
          tags: model.tags.map((t) => ({ name: t.tag.name, url: siteUrl + tagPath(t.tag.slug) })),
          sources: article.sources,
          corrections: (model.corrections ?? []).map((c) => ({ ...c, at: c.at.toISOString() })),
          body,
          bodyHtml: renderBodyHtml(body, {
            related: model.related,
            media: model.media,
            dateline: article.dateline.place ? article.dateline : null,
          }).value,
          bodyText: text,
          wordCount: model.wordCount,
        };
      },
    );
  };
}
