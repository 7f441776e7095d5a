import type { BodyDocument } from "../content/body.schema.ts";
import type { IndonesianTimeZone } from "./time-zones.ts";

/** Where an article stands in the editorial workflow (see workflow.ts). */
export type ArticleStatus = "draft" | "in_review" | "approved" | "scheduled" | "published" | "unpublished";

export const ARTICLE_STATUSES: readonly ArticleStatus[] = [
  "draft",
  "in_review",
  "approved",
  "scheduled",
  "published",
  "unpublished",
];

/** Credit roles, in the order the credit line shows them. */
export type CreditRole = "penulis" | "editor" | "fotografer" | "kontributor";

export const CREDIT_ROLES: readonly CreditRole[] = ["penulis", "editor", "fotografer", "kontributor"];

/** `KAZAN, KOMPAS.TV -`: the place, the outlet, and the desk's time zone for house times. */
export interface Dateline {
  place: string;
  outlet: string | null;
  timeZone: IndonesianTimeZone;
}

export interface Source {
  name: string;
  url?: string;
}

/** One person credited in one role; `position` orders people within a role. */
export interface Credit {
  role: CreditRole;
  personId: number;
  position: number;
}

/** The lead photo: a media item plus the caption and credit as shown under this article. */
export interface Hero {
  mediaId: number;
  caption: string;
  credit: string;
}

export interface Article {
  id: number;
  slug: string;
  headline: string;
  lede: string;
  sectionId: number;
  dateline: Dateline;
  body: BodyDocument;
  hero: Hero | null;
  sources: Source[];
  tagIds: number[];
  credits: Credit[];
  status: ArticleStatus;
  /** When it went (or goes, if scheduled) live; the time shown on the page. */
  publishedAt: Date | null;
  firstPublishedAt: Date | null;
  /** Last substantive update after publication ("Diperbarui"); null if never. */
  updatedAt: Date | null;
  createdAt: Date;
  modifiedAt: Date;
  version: number;
}

/** True when the article is visible to readers at `now` (embargo respected). */
export function isLive(article: Pick<Article, "status" | "publishedAt">, now: Date): boolean {
  return (
    article.status === "published" &&
    article.publishedAt !== null &&
    article.publishedAt.getTime() <= now.getTime()
  );
}

/** What lists need: no body, no credits. */
export interface ArticleSummary {
  id: number;
  slug: string;
  headline: string;
  lede: string;
  sectionId: number;
  timeZone: IndonesianTimeZone;
  heroMediaId: number | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  status: ArticleStatus;
}
