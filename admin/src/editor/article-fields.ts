import type { Article, ArticleFields } from "../lib/types.ts";

/** The editable fields of an article as the API returns it. */
export function fieldsOf(article: Article): ArticleFields {
  return {
    headline: article.headline,
    sectionId: article.sectionId,
    lede: article.lede,
    dateline: {
      place: article.dateline.place,
      outlet: article.dateline.outlet || null,
      timeZone: article.dateline.timeZone,
    },
    body: article.body,
    credits: article.credits.map((c) => ({ role: c.role, personId: c.personId })),
    tagIds: [...article.tagIds],
    hero: article.hero,
    sources: article.sources,
  };
}

export function emptyFields(): ArticleFields {
  return {
    headline: "",
    sectionId: null,
    lede: "",
    dateline: { place: "", outlet: null, timeZone: "Asia/Jakarta" },
    body: { version: 1, blocks: [] },
    credits: [],
    tagIds: [],
    hero: null,
    sources: [],
  };
}

/** What POST/PUT /articles take. */
export function payloadOf(fields: ArticleFields): Record<string, unknown> {
  return {
    headline: fields.headline.trim(),
    sectionId: fields.sectionId,
    lede: fields.lede,
    dateline: {
      place: fields.dateline.place,
      outlet: fields.dateline.outlet?.trim() || null,
      timeZone: fields.dateline.timeZone,
    },
    body: fields.body,
    credits: fields.credits,
    tagIds: fields.tagIds,
    hero: fields.hero,
    sources: fields.sources,
  };
}

/** Ids of Baca Juga targets in a body (their headlines are looked up for display). */
export function relatedIds(fields: ArticleFields): number[] {
  return fields.body.blocks.flatMap((b) =>
    b.type === "related" && b.articleId !== undefined ? [b.articleId] : [],
  );
}

/** Ids of the photos inside a body (their pictures and alt texts are looked up for display). */
export function bodyImageIds(fields: ArticleFields): number[] {
  return fields.body.blocks.flatMap((b) => (b.type === "image" ? [b.mediaId] : []));
}
