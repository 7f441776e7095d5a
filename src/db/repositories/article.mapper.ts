import type { Article, ArticleStatus, Credit, CreditRole, Source } from "../../core/article.ts";
import type { IndonesianTimeZone } from "../../core/time-zones.ts";
import { bodyDocumentSchema } from "../../content/body.schema.ts";
import type { ArticleRow, NewArticleRow } from "../schema.ts";
import { fromIso, toIso } from "./executor.ts";

export type ArticleFields = Omit<Article, "id" | "tagIds" | "credits" | "version">;

export function articleFromRow(row: ArticleRow, tagIds: number[], credits: Credit[]): Article {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    lede: row.lede,
    sectionId: row.section_id,
    dateline: {
      place: row.dateline_place,
      outlet: row.dateline_outlet,
      timeZone: row.time_zone as IndonesianTimeZone,
    },
    body: bodyDocumentSchema.parse(JSON.parse(row.body)),
    hero:
      row.hero_media_id === null
        ? null
        : { mediaId: row.hero_media_id, caption: row.hero_caption, credit: row.hero_credit },
    sources: JSON.parse(row.sources) as Source[],
    tagIds,
    credits,
    status: row.status as ArticleStatus,
    publishedAt: fromIso(row.published_at),
    firstPublishedAt: fromIso(row.first_published_at),
    updatedAt: fromIso(row.updated_at),
    createdAt: new Date(row.created_at),
    modifiedAt: new Date(row.modified_at),
    version: row.version,
  };
}

export function articleToRow(article: ArticleFields): Omit<NewArticleRow, "version" | "import_key"> {
  return {
    slug: article.slug,
    headline: article.headline,
    lede: article.lede,
    section_id: article.sectionId,
    dateline_place: article.dateline.place,
    dateline_outlet: article.dateline.outlet,
    time_zone: article.dateline.timeZone,
    body: JSON.stringify(article.body),
    hero_media_id: article.hero?.mediaId ?? null,
    hero_caption: article.hero?.caption ?? "",
    hero_credit: article.hero?.credit ?? "",
    sources: JSON.stringify(article.sources),
    status: article.status,
    published_at: toIso(article.publishedAt),
    first_published_at: toIso(article.firstPublishedAt),
    updated_at: toIso(article.updatedAt),
    created_at: article.createdAt.toISOString(),
    modified_at: article.modifiedAt.toISOString(),
  };
}

export function creditFromRow(row: { role: string; person_id: number; position: number }): Credit {
  return { role: row.role as CreditRole, personId: row.person_id, position: row.position };
}
