import type { Article, Credit, CreditRole, Source } from "../../core/article.ts";
import { bodyDocumentSchema } from "../../content/body.schema.ts";
import type { ArticleRow } from "../schema.ts";
import { fromIso, toIso } from "./executor.ts";

export type ArticleFields = Omit<Article, "id" | "tagIds" | "credits" | "version">;

/**
 * An article from its stored row and links. `body` is the row's body already read (a write that
 * just serialized a validated body passes it parsed back, skipping the schema check).
 */
export function articleFromRow(
  row: ArticleRow,
  tagIds: number[],
  credits: Credit[],
  body: Article["body"] = bodyDocumentSchema.parse(JSON.parse(row.body)),
): Article {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    lede: row.lede,
    sectionId: row.section_id,
    dateline: {
      place: row.dateline_place,
      outlet: row.dateline_outlet,
      timeZone: row.time_zone,
    },
    body,
    hero:
      row.hero_media_id === null
        ? null
        : { mediaId: row.hero_media_id, caption: row.hero_caption, credit: row.hero_credit },
    sources: JSON.parse(row.sources) as Source[],
    tagIds,
    credits,
    status: row.status,
    publishedAt: fromIso(row.published_at),
    firstPublishedAt: fromIso(row.first_published_at),
    updatedAt: fromIso(row.updated_at),
    createdAt: new Date(row.created_at),
    modifiedAt: new Date(row.modified_at),
    version: row.version,
  };
}

export function articleToRow(article: ArticleFields): Omit<ArticleRow, "id" | "version" | "import_key"> {
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

export function creditFromRow(row: { role: CreditRole; person_id: number; position: number }): Credit {
  return { role: row.role, personId: row.person_id, position: row.position };
}
