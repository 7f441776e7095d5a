import { createHash } from "node:crypto";
import { z } from "zod";
import { blockSchema, type Block } from "../../content/body.schema.ts";
import type { Actor } from "../../core/actor.ts";
import {
  ARTICLE_STATUSES,
  CREDIT_ROLES,
  type Article,
  type ArticleStatus,
  type CreditRole,
} from "../../core/article.ts";
import type { Media } from "../../core/media.ts";
import { INDONESIAN_TIME_ZONES } from "../../core/time-zones.ts";
import type { WorkflowAction } from "../../core/workflow.ts";
import { createImportRepository } from "../../db/repositories/import.repository.ts";
import { ImportError } from "../../importers/import-error.ts";
import type { ArticleInput } from "../article-input.ts";
import { normalizeHeadline } from "./import-mapping.ts";
import { addEntry, emptyReport, failureOf, type ReportEntry } from "./import-report.ts";
import { resolveWaiting } from "./import.service.ts";
import type { ImportRuntime } from "./import-runtime.ts";
import {
  WARTA_EXPORT_VERSION,
  WARTA_KEY_PREFIX,
  type ExportArticle,
  type WartaExport,
} from "./warta-export.ts";
import { createYielder } from "./let-others-run.ts";

const iso = z.iso.datetime();
const exportSchema = z.object({
  warta: z.object({
    version: z.literal(WARTA_EXPORT_VERSION),
    exportedAt: z.string(),
    sections: z.array(
      z.object({
        id: z.number().int(),
        slug: z.string(),
        name: z.string(),
        parent: z.number().int().nullable(),
        position: z.number().int(),
        description: z.string(),
      }),
    ),
    people: z.array(
      z.object({ slug: z.string(), name: z.string(), bio: z.string(), photo: z.string().nullable() }),
    ),
    tags: z.array(z.object({ slug: z.string(), name: z.string() })),
    media: z.array(
      z.object({
        file: z.string(),
        mimeType: z.string(),
        width: z.number(),
        height: z.number(),
        alt: z.string(),
        caption: z.string(),
        credit: z.string(),
        createdAt: iso,
        sha256: z
          .string()
          .regex(/^([0-9a-f]{64})?$/)
          .optional(),
        focalX: z.number().int().min(0).max(100).optional(),
        focalY: z.number().int().min(0).max(100).optional(),
        creator: z.string().max(300).optional(),
        keywords: z.array(z.string().max(100)).max(50).optional(),
        data: z.string(),
      }),
    ),
    articles: z.array(
      z.object({
        id: z.number().int(),
        slug: z.string(),
        headline: z.string(),
        lede: z.string(),
        section: z.number().int(),
        dateline: z.object({
          place: z.string(),
          outlet: z.string().nullable(),
          timeZone: z.enum(
            INDONESIAN_TIME_ZONES as [
              (typeof INDONESIAN_TIME_ZONES)[number],
              ...(typeof INDONESIAN_TIME_ZONES)[number][],
            ],
          ),
        }),
        body: z.object({ version: z.number(), blocks: z.array(blockSchema) }),
        hero: z.object({ media: z.string(), caption: z.string(), credit: z.string() }).nullable(),
        pendingHero: z
          .object({ url: z.string().nullable(), caption: z.string(), credit: z.string() })
          .nullable(),
        sources: z.array(z.object({ name: z.string(), url: z.string().optional() })),
        tags: z.array(z.string()),
        credits: z.array(
          z.object({ role: z.enum(CREDIT_ROLES as [CreditRole, ...CreditRole[]]), person: z.string() }),
        ),
        status: z.enum(ARTICLE_STATUSES as [ArticleStatus, ...ArticleStatus[]]),
        publishedAt: iso.nullable(),
        firstPublishedAt: iso.nullable(),
        updatedAt: iso.nullable(),
        createdAt: iso,
        modifiedAt: iso,
        importKey: z.string().nullable(),
      }),
    ),
  }),
});

/** The workflow steps that bring a new draft to the exported status and times. */
function stepsTo(a: ExportArticle): { action: WorkflowAction; at?: Date }[] {
  const published = a.publishedAt ? new Date(a.publishedAt) : undefined;
  const first = a.firstPublishedAt ? new Date(a.firstPublishedAt) : published;
  const publishTwice =
    first && published && first.getTime() !== published.getTime()
      ? [{ action: "publish" as const, at: first }, { action: "unpublish" as const }]
      : [];
  switch (a.status) {
    case "draft":
      return [];
    case "in_review":
      return [{ action: "submit" }];
    case "approved":
      return [{ action: "submit" }, { action: "approve" }];
    case "scheduled":
      return [{ action: "schedule", ...(published ? { at: published } : {}) }];
    case "published":
      return [...publishTwice, { action: "publish", ...(published ? { at: published } : {}) }];
    case "unpublished":
      return [
        ...publishTwice,
        { action: "publish", ...(published ? { at: published } : {}) },
        { action: "unpublish" },
      ];
  }
}

export interface WartaImportOptions {
  file: string;
  shouldStop?: () => boolean;
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * Imports a Warta JSON export losslessly: sections (nested), people, tags and media first (matched
 * by slug or file when they exist), then each article in its own transaction, replaying its
 * recorded times through the services' clock and its status through the workflow.
 */
export function createWartaImporter(runtime: ImportRuntime, actor: Actor) {
  const repo = createImportRepository();

  async function taxonomy(doc: WartaExport["warta"]) {
    const { value } = await runtime.transaction(async (services) => {
      const { db, repos } = services;
      const media = new Map<string, number>();
      for (const m of doc.media) {
        const existing = await repos.media.byFile(db, m.file);
        if (existing) {
          media.set(m.file, existing.id);
          continue;
        }
        const stored: Media = await services.media.restoreImage(
          {
            bytes: Buffer.from(m.data, "base64"),
            file: m.file,
            sha256: m.sha256 ?? "",
            alt: m.alt,
            caption: m.caption,
            credit: m.credit,
            creator: m.creator ?? "",
            keywords: m.keywords ?? [],
            focalX: m.focalX ?? 50,
            focalY: m.focalY ?? 50,
          },
          actor,
          { at: new Date(m.createdAt) },
        );
        media.set(m.file, stored.id);
      }
      const sections = new Map<number, number>();
      // In export order (ids stay in the same order), a child only after its parent.
      const remaining = [...doc.sections];
      while (remaining.length > 0) {
        const index = remaining.findIndex((s) => s.parent === null || sections.has(s.parent));
        const s = remaining[index];
        if (!s)
          throw new ImportError(
            "invalid_content",
            "Rubrik dalam ekspor membentuk lingkaran (sections form a cycle).",
          );
        remaining.splice(index, 1);
        const parentId = s.parent === null ? null : (sections.get(s.parent) as number);
        const directory = await services.sections.directory();
        const existing = directory.children(parentId).find((c) => c.slug === s.slug);
        const id =
          existing?.id ??
          (
            await services.sections.create(
              { name: s.name, slug: s.slug, parentId, position: s.position, description: s.description },
              actor,
            )
          ).id;
        sections.set(s.id, id);
      }
      const people = new Map<string, number>();
      for (const p of doc.people) {
        const existing = await repos.taxonomy.personBySlug(db, p.slug);
        const person =
          existing ??
          (await services.people.create(
            {
              name: p.name,
              slug: p.slug,
              bio: p.bio,
              photoMediaId: p.photo ? (media.get(p.photo) ?? null) : null,
            },
            actor,
          ));
        people.set(p.slug, person.id);
      }
      const tags = new Map<string, number>();
      for (const t of doc.tags) {
        const [tag] = await services.tags.ensure([t.name]);
        if (tag) tags.set(t.slug, tag.id);
      }
      return { media, sections, people, tags };
    });
    return value;
  }

  return {
    async importDocument(text: string, options: WartaImportOptions): Promise<ReportEntry[]> {
      const report = emptyReport();
      let doc: WartaExport["warta"];
      try {
        const parsed = exportSchema.safeParse(JSON.parse(text));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const at = issue ? issue.path.join(".") : "?";
          throw new ImportError(
            "invalid_content",
            `Ekspor Warta tidak sah di ${at} (invalid Warta export at ${at}).`,
          );
        }
        doc = parsed.data.warta as WartaExport["warta"];
        const refs = await taxonomy(doc);
        const newIds = new Map<number, number>();
        const forward: { exported: ExportArticle; id: number }[] = [];
        const headlineOf = new Map(doc.articles.map((a) => [a.id, a.headline]));
        const letOthersRun = createYielder();
        for (const [index, a] of doc.articles.entries()) {
          await letOthersRun();
          if (options.shouldStop?.()) break;
          const entry: ReportEntry = {
            outcome: "failed",
            file: options.file,
            item: index + 1,
            headline: a.headline,
          };
          try {
            const key = a.importKey ?? `${WARTA_KEY_PREFIX}${a.createdAt}:${a.slug}`;
            const hash = sha256(JSON.stringify(a));
            const existingId = await runtime.repos.articles.findIdByImportKey(runtime.db, key);
            if (existingId !== null) {
              newIds.set(a.id, existingId);
              // Already imported (by this export or an earlier one): Warta exports never overwrite.
              addEntry(report, { ...entry, outcome: "skipped", articleId: existingId });
              continue;
            }
            let hasForward = false;
            const blocks = a.body.blocks.map((block): Block => {
              if (block.type !== "related" || block.articleId === undefined) return block;
              const target = newIds.get(block.articleId);
              if (target !== undefined) return { type: "related", articleId: target };
              hasForward = true;
              return { type: "related", pendingHeadline: headlineOf.get(block.articleId) ?? "?" };
            });
            const input: ArticleInput = {
              headline: a.headline,
              slug: a.slug,
              lede: a.lede,
              sectionId: refs.sections.get(a.section) ?? 0,
              dateline: a.dateline,
              body: { version: 1, blocks },
              hero: a.hero
                ? {
                    mediaId: refs.media.get(a.hero.media) ?? 0,
                    caption: a.hero.caption,
                    credit: a.hero.credit,
                  }
                : null,
              sources: a.sources,
              tagIds: a.tags.flatMap((slug) => refs.tags.get(slug) ?? []),
              credits: a.credits.flatMap((c) => {
                const personId = refs.people.get(c.person);
                return personId === undefined ? [] : [{ role: c.role, personId }];
              }),
            };
            let now = new Date(a.createdAt);
            const { value } = await runtime.transaction(
              async (services) => {
                let article: Article = await services.articles.create(input, actor, { importKey: key });
                now = new Date(a.modifiedAt);
                for (const step of stepsTo(a)) {
                  article = await services.articles.transition(article.id, step.action, actor, {
                    allowMissingAlt: true,
                    ...(step.at ? { at: step.at } : {}),
                    ...(a.updatedAt ? { updatedAt: new Date(a.updatedAt) } : {}),
                  });
                }
                const { db } = services;
                await repo.setPendingHero(db, article.id, a.pendingHero, now);
                const pendingKeys = a.body.blocks.flatMap((b) =>
                  b.type === "related" && b.articleId === undefined && b.pendingHeadline
                    ? [normalizeHeadline(b.pendingHeadline)]
                    : [],
                );
                await repo.setPendingRelated(db, article.id, pendingKeys);
                await repo.setContentHash(db, article.id, hash, now);
                await resolveWaiting(services, actor, article.headline, article.id);
                return article;
              },
              { clock: () => now },
            );
            newIds.set(a.id, value.id);
            if (hasForward) forward.push({ exported: a, id: value.id });
            addEntry(report, { ...entry, outcome: "imported", articleId: value.id });
          } catch (error) {
            addEntry(report, { ...entry, ...failureOf(error) });
          }
        }
        // Second pass: Baca Juga blocks that pointed forward in the document now get their ids.
        for (const { exported, id } of forward) {
          const now = new Date(exported.modifiedAt);
          try {
            await runtime.transaction(
              async (services) => {
                const article = await services.articles.get(id);
                const blocks = exported.body.blocks.flatMap((block): Block[] => {
                  if (block.type !== "related" || block.articleId === undefined) return [block];
                  const target = newIds.get(block.articleId);
                  return target === undefined ? [] : [{ type: "related", articleId: target }];
                });
                await services.articles.update(
                  id,
                  {
                    headline: article.headline,
                    slug: article.slug,
                    lede: article.lede,
                    sectionId: article.sectionId,
                    dateline: article.dateline,
                    body: { version: 1, blocks },
                    hero: article.hero,
                    sources: article.sources,
                    tagIds: article.tagIds,
                    credits: article.credits.map((c) => ({ role: c.role, personId: c.personId })),
                  },
                  actor,
                  { expectedVersion: article.version, substantive: false },
                );
              },
              { clock: () => now },
            );
          } catch (error) {
            addEntry(report, {
              outcome: "failed",
              file: options.file,
              item: null,
              headline: exported.headline,
              ...failureOf(error),
            });
          }
        }
      } catch (error) {
        addEntry(report, { outcome: "failed", file: options.file, item: null, ...failureOf(error) });
      }
      return report.entries;
    },
  };
}

export type WartaImporter = ReturnType<typeof createWartaImporter>;
