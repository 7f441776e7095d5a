import type { Actor } from "./actor.ts";
import {
  CREDIT_ROLES,
  type Article,
  type CreditRole,
  type Dateline,
  type Hero,
  type Source,
} from "./article.ts";
import type { BodyDocument } from "../content/body.schema.ts";

/** The editable fields of an article, as one revision stores them (full snapshot, not a delta). */
export interface RevisionSnapshot {
  headline: string;
  slug: string;
  lede: string;
  sectionId: number;
  dateline: Dateline;
  body: BodyDocument;
  hero: Hero | null;
  sources: Source[];
  tagIds: number[];
  credits: { role: CreditRole; personId: number }[];
}

export const REVISION_FIELDS: readonly (keyof RevisionSnapshot)[] = [
  "headline",
  "slug",
  "lede",
  "sectionId",
  "dateline",
  "body",
  "hero",
  "sources",
  "tagIds",
  "credits",
];

/** Fields whose change is "substantive" by default (stamps "Diperbarui" when a staged update goes live). */
export const SUBSTANTIVE_FIELDS: readonly (keyof RevisionSnapshot)[] = ["headline", "lede", "body"];

/** create: first save; save: direct save; staged: pending update of a live article; restore: copy of an older one. */
export type RevisionKind = "create" | "save" | "staged" | "restore";

export interface Revision {
  id: number;
  articleId: number;
  number: number;
  kind: RevisionKind;
  restoredFrom: number | null;
  changed: (keyof RevisionSnapshot)[];
  actorUserId: number | null;
  actorLabel: string;
  createdAt: Date;
}

export interface RevisionWithSnapshot extends Revision {
  snapshot: RevisionSnapshot;
}

export function revisionSnapshotOf(
  article: Pick<Article, keyof RevisionSnapshot | "credits">,
): RevisionSnapshot {
  return {
    headline: article.headline,
    slug: article.slug,
    lede: article.lede,
    sectionId: article.sectionId,
    dateline: { ...article.dateline },
    body: article.body,
    hero: article.hero ? { ...article.hero } : null,
    sources: article.sources.map((s) => ({ ...s })),
    tagIds: [...article.tagIds],
    credits: [...article.credits]
      .sort((a, b) => CREDIT_ROLES.indexOf(a.role) - CREDIT_ROLES.indexOf(b.role) || a.position - b.position)
      .map((c) => ({ role: c.role, personId: c.personId })),
  };
}

/** Names of the fields that differ between two snapshots (null `before`: every field). */
export function changedFields(
  before: RevisionSnapshot | null,
  after: RevisionSnapshot,
): (keyof RevisionSnapshot)[] {
  if (!before) return [...REVISION_FIELDS];
  return REVISION_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

export function actorLabel(actor: Actor): string {
  return actor.kind === "system" ? `system:${actor.name}` : `user:${actor.userId}`;
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.userId : null;
}
