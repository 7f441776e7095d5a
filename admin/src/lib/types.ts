import type { BodyDocument } from "../../../src/content/body.schema.ts";

/** The API shapes the admin reads (see /api/v1/openapi.json). */
export type Role = "penulis" | "editor" | "redaktur" | "admin";
export type ArticleStatus = "draft" | "in_review" | "approved" | "scheduled" | "published" | "unpublished";
export type WorkflowAction =
  "submit" | "requestChanges" | "approve" | "schedule" | "publish" | "unpublish" | "reopen";
export type Zone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  personId: number | null;
}

export interface Credit {
  role: string;
  personId: number;
}

export interface Dateline {
  place: string;
  outlet: string | null;
  timeZone: Zone;
}

/** The fields a journalist edits (what a save sends). */
export interface ArticleFields {
  headline: string;
  sectionId: number | null;
  lede: string;
  dateline: Dateline;
  body: BodyDocument;
  credits: Credit[];
  tagIds: number[];
  hero: { mediaId: number; caption: string; credit: string } | null;
  sources: { name: string; url?: string }[];
}

export interface Article extends Omit<ArticleFields, "sectionId"> {
  id: number;
  slug: string;
  sectionId: number;
  status: ArticleStatus;
  publishedAt: string | null;
  modifiedAt: string;
  version: number;
  live: boolean;
  url: string | null;
  staged: { revision: number; stagedAt: string } | null;
  can?: { update: boolean; delete: boolean; correct: boolean; actions: WorkflowAction[] };
}

export interface ListItem {
  id: number;
  headline: string;
  sectionId: number;
  status: ArticleStatus;
  publishedAt: string | null;
  modifiedAt: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SectionNode {
  id: number;
  name: string;
  path: string;
  children: SectionNode[];
}

export interface Person {
  id: number;
  name: string;
}

export interface Tag {
  id: number;
  name: string;
}

export const CREDIT_ROLES = ["penulis", "editor", "fotografer", "kontributor"] as const;

export interface Media {
  id: number;
  url: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}
