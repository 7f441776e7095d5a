import { z } from "zod";
import { ARTICLE_STATUSES, isLive, type Article, type ArticleStatus } from "../../core/article.ts";
import type { Resource } from "../../core/policy.ts";
import { articlePath } from "../../core/urls.ts";
import type { SectionDirectory } from "../../core/section.ts";
import { AppError } from "../../core/errors.ts";
import type { Actor } from "../../core/actor.ts";
import { can, type Action } from "../../core/policy.ts";
import { canTransition, WORKFLOW_ACTIONS, type WorkflowAction } from "../../core/workflow.ts";
import type { FastifyRequest } from "fastify";
import type { WorkingCopy } from "../../services/articles.service.ts";
import type { Deps } from "../../app/deps.ts";

type ArticleResource = Extract<Resource, { type: "article" }>;

/** API shapes of the newsroom's article endpoints (allow-listed; DESIGN.md §5.5). */
export const statusSchema = z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]);

/**
 * What a client sends to create or save an article. The service validates the content with
 * services/article-input.ts (every failing field listed); here only the envelope is checked so the
 * OpenAPI document stays readable.
 */
/**
 * The newsroom's story filters, shared by the story list and the newsroom search (query strings):
 * status, section, credited person and a last-activity range [from, to).
 */
export const storyFilterQuery = {
  status: z
    .union([statusSchema, z.array(statusSchema)])
    .optional()
    .describe("Satu atau beberapa status (ulang parameter)."),
  sectionId: z.coerce.number().int().positive().optional().describe("Rubrik, termasuk subrubriknya."),
  personId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("Orang yang dikreditkan (penulis, editor…)."),
  from: z.iso.datetime({ offset: true }).optional().describe("Aktivitas terakhir sejak (ISO 8601)."),
  to: z.iso.datetime({ offset: true }).optional().describe("Aktivitas terakhir sebelum (ISO 8601)."),
};

export const articleBodySchema = z
  .object({
    headline: z.string(),
    slug: z.string().optional(),
    lede: z.string().optional(),
    sectionId: z.number().int(),
    dateline: z
      .object({
        place: z.string().optional(),
        outlet: z.string().nullable().optional(),
        timeZone: z.string().optional(),
      })
      .optional(),
    body: z
      .object({ version: z.number().int(), blocks: z.array(z.record(z.string(), z.unknown())) })
      .describe("Dokumen isi (lihat src/content/body.schema.ts)"),
    hero: z
      .object({ mediaId: z.number().int(), caption: z.string().optional(), credit: z.string().optional() })
      .nullable()
      .optional(),
    sources: z.array(z.object({ name: z.string(), url: z.string().optional() })).optional(),
    tagIds: z.array(z.number().int()).optional(),
    credits: z.array(z.object({ role: z.string(), personId: z.number().int() })).optional(),
  })
  .meta({ id: "ArticleFields" });

export const saveBodySchema = articleBodySchema
  .extend({
    version: z.number().int().positive().optional().describe("Versi yang diedit (atau header If-Match)."),
    minor: z
      .boolean()
      .optional()
      .describe("Perubahan kecil: tidak memberi cap 'Diperbarui' saat revisi diterbitkan."),
  })
  .meta({ id: "ArticleSave" });

export const articleSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    headline: z.string(),
    lede: z.string(),
    sectionId: z.number().int(),
    dateline: z.object({ place: z.string(), outlet: z.string().nullable(), timeZone: z.string() }),
    body: z.unknown(),
    hero: z.object({ mediaId: z.number().int(), caption: z.string(), credit: z.string() }).nullable(),
    sources: z.array(z.object({ name: z.string(), url: z.string().optional() })),
    tagIds: z.array(z.number().int()),
    credits: z.array(z.object({ role: z.string(), personId: z.number().int() })),
    status: statusSchema,
    publishedAt: z.string().nullable(),
    firstPublishedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    createdAt: z.string(),
    modifiedAt: z.string(),
    version: z.number().int(),
    live: z.boolean().describe("Terlihat pembaca sekarang."),
    url: z.string().nullable().describe("Jalur publik (juga sebelum terbit)."),
    staged: z
      .object({
        revision: z.number().int(),
        stagedAt: z.string(),
        substantive: z.boolean(),
        changed: z.array(z.string()),
      })
      .nullable()
      .describe("Revisi tertunda dari artikel terbit; isi di atas adalah revisi itu."),
    can: z
      .object({
        update: z.boolean(),
        delete: z.boolean(),
        correct: z.boolean(),
        actions: z.array(z.enum(WORKFLOW_ACTIONS as [WorkflowAction, ...WorkflowAction[]])),
      })
      .optional()
      .describe(
        "Yang boleh dilakukan pengguna ini sekarang (kebijakan × status): menyimpan, menghapus, koreksi, langkah alur kerja.",
      ),
  })
  .meta({ id: "Article" });

export type ArticleDto = z.output<typeof articleSchema>;

export const articleListItemSchema = z
  .object({
    id: z.number().int(),
    headline: z.string(),
    slug: z.string(),
    sectionId: z.number().int(),
    status: statusSchema,
    publishedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    modifiedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ArticleListItem" });

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function presentArticle(copy: WorkingCopy, directory: SectionDirectory, now: Date): ArticleDto {
  const a = copy.article;
  const path = directory.pathOf(a.sectionId);
  return {
    id: a.id,
    slug: a.slug,
    headline: a.headline,
    lede: a.lede,
    sectionId: a.sectionId,
    dateline: { place: a.dateline.place, outlet: a.dateline.outlet, timeZone: a.dateline.timeZone },
    body: a.body,
    hero: a.hero,
    sources: a.sources,
    tagIds: a.tagIds,
    credits: a.credits.map((c) => ({ role: c.role, personId: c.personId })),
    status: a.status,
    publishedAt: iso(a.publishedAt),
    firstPublishedAt: iso(a.firstPublishedAt),
    updatedAt: iso(a.updatedAt),
    createdAt: a.createdAt.toISOString(),
    modifiedAt: a.modifiedAt.toISOString(),
    version: a.version,
    live: isLive(a, now),
    url: path ? articlePath(path, a.id, a.slug) : null,
    staged: copy.staged
      ? { ...copy.staged, stagedAt: copy.staged.stagedAt.toISOString(), changed: copy.staged.changed }
      : null,
  };
}

/** The policy resource for an article (status, creator, credited people). */
export async function articleResource(deps: Deps, article: Article): Promise<ArticleResource> {
  return {
    type: "article",
    status: article.status,
    createdByUserId: await deps.newsroom.revisions.createdBy(article.id),
    creditPersonIds: article.credits.map((c) => c.personId),
  };
}

/**
 * The version a save is based on: `If-Match: "v7"` (the ETag of GET), `If-Match: "7"`, or the
 * body's `version`. Missing or malformed is a 428-style validation error naming both places.
 */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): number {
  const header = request.headers["if-match"];
  if (typeof header === "string" && header.trim() !== "") {
    const match = /^\s*(?:W\/)?"v?(\d{1,12})"\s*$/.exec(header);
    if (!match)
      throw new AppError("validation_failed", "Header If-Match tidak valid.", {
        details: [{ field: "If-Match", message: 'Gunakan ETag artikel, mis. "v3".' }],
      });
    return Number(match[1]);
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new AppError("validation_failed", "Sebutkan versi yang Anda edit.", {
    details: [
      { field: "If-Match", message: 'Kirim header If-Match: "v<versi>"…' },
      { field: "body.version", message: "…atau kolom version." },
    ],
  });
}

/** Which policy action guards each workflow action (reopening a withdrawn story is an unpublish-level call). */
export const POLICY_OF: Record<WorkflowAction, Action> = {
  submit: "article.submit",
  requestChanges: "article.requestChanges",
  approve: "article.approve",
  schedule: "article.schedule",
  publish: "article.publish",
  unpublish: "article.unpublish",
  reopen: "article.unpublish",
};

/**
 * What `actor` may do with an article now: the policy (core/policy.ts) for the resource, and for
 * workflow steps also the state machine (core/workflow.ts); publishing a live story applies its staged
 * revision, so it is offered when one is waiting. The admin shows exactly these buttons.
 */
export function permissionsOf(
  actor: Actor,
  resource: ArticleResource,
  hasStaged = false,
): NonNullable<ArticleDto["can"]> {
  const allowed = (action: Action) => can(actor, action, resource).allowed;
  return {
    update: allowed("article.update"),
    delete: resource.status === "draft" && allowed("article.delete"),
    correct: resource.status === "published" && allowed("article.correct"),
    actions: WORKFLOW_ACTIONS.filter(
      (a) =>
        (canTransition(a, resource.status) ||
          (a === "publish" && resource.status === "published" && hasStaged)) &&
        allowed(POLICY_OF[a]),
    ),
  };
}
