import { createHash } from "node:crypto";
import type { Block } from "../../content/body.schema.ts";
import type { Actor } from "../../core/actor.ts";
import type { Article } from "../../core/article.ts";
import type { Media } from "../../core/media.ts";
import type { WorkflowAction } from "../../core/workflow.ts";
import { createImportRepository } from "../../db/repositories/import.repository.ts";
import { ImportError } from "../../importers/import-error.ts";
import type { ArticleInput } from "../article-input.ts";
import { bodyOfBlocks, inputOfArticle, normalizeHeadline } from "./import-mapping.ts";
import { addEntry, emptyReport, failureOf, type ImportReport, type ReportEntry } from "./import-report.ts";
import { resolveWaiting } from "./import.service.ts";
import type { ImportRuntime } from "./import-runtime.ts";
import { WARTA_KEY_PREFIX, type ExportArticle, type WartaExport } from "./warta-export.ts";
import { parseExport } from "./warta-export.schema.ts";
import { createYielder } from "./let-others-run.ts";

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

/** Exported ids and keys → ids in this store, for the taxonomy imported before the articles. */
interface ImportRefs {
  media: Map<string, number>;
  sections: Map<number, number>;
  people: Map<string, number>;
  tags: Map<string, number>;
}

/** An exported article whose Baca Juga links point at articles later in the document. */
interface ForwardLinks {
  exported: ExportArticle;
  id: number;
}

/** One document's import: its report, references, exported id → new id, forward links to fix. */
interface ImportRun {
  report: ImportReport;
  file: string;
  refs: ImportRefs;
  newIds: Map<number, number>;
  forward: ForwardLinks[];
  headlineOf: Map<number, string>;
}

/**
 * The body's Baca Juga links pointed at articles already imported; a link to a later article waits
 * as its headline (`hasForward`) until the second pass.
 */
function linkBackward(blocks: Block[], run: ImportRun): { blocks: Block[]; hasForward: boolean } {
  let hasForward = false;
  const linked = blocks.map((block): Block => {
    if (block.type !== "related" || block.articleId === undefined) return block;
    const target = run.newIds.get(block.articleId);
    if (target !== undefined) return { type: "related", articleId: target };
    hasForward = true;
    return { type: "related", pendingHeadline: run.headlineOf.get(block.articleId) ?? "?" };
  });
  return { blocks: linked, hasForward };
}

/** The exported article as input to the articles service, with this store's ids. */
function articleInput(a: ExportArticle, blocks: Block[], refs: ImportRefs): ArticleInput {
  return {
    headline: a.headline,
    slug: a.slug,
    lede: a.lede,
    sectionId: refs.sections.get(a.section) ?? 0,
    dateline: a.dateline,
    body: { version: 1, blocks },
    hero: a.hero
      ? { mediaId: refs.media.get(a.hero.media) ?? 0, caption: a.hero.caption, credit: a.hero.credit }
      : null,
    sources: a.sources,
    tagIds: a.tags.flatMap((slug) => refs.tags.get(slug) ?? []),
    credits: a.credits.flatMap((c) => {
      const personId = refs.people.get(c.person);
      return personId === undefined ? [] : [{ role: c.role, personId }];
    }),
  };
}

/** Normalized headlines of the Baca Juga links the export itself left pending. */
function pendingRelatedKeys(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === "related" && b.articleId === undefined && b.pendingHeadline
      ? [normalizeHeadline(b.pendingHeadline)]
      : [],
  );
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * Imports a Warta JSON export losslessly: sections (nested), people, tags and media first (matched
 * by slug or file when they exist), then each article in its own transaction, replaying its
 * recorded times through the services' clock and its status through the workflow.
 */
export function createWartaImporter(runtime: ImportRuntime, actor: Actor) {
  const repo = createImportRepository();

  async function taxonomy(doc: WartaExport["warta"]): Promise<ImportRefs> {
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

  /** Imports one exported article (skipped when its import key exists) and records the outcome. */
  async function importArticle(run: ImportRun, a: ExportArticle, index: number): Promise<void> {
    const entry: ReportEntry = { outcome: "failed", file: run.file, item: index + 1, headline: a.headline };
    try {
      const key = a.importKey ?? `${WARTA_KEY_PREFIX}${a.createdAt}:${a.slug}`;
      const existingId = await runtime.repos.articles.findIdByImportKey(runtime.db, key);
      if (existingId !== null) {
        run.newIds.set(a.id, existingId);
        // Already imported (by this export or an earlier one): Warta exports never overwrite.
        addEntry(run.report, { ...entry, outcome: "skipped", articleId: existingId });
        return;
      }
      const { blocks, hasForward } = linkBackward(a.body.blocks, run);
      const article = await createArticle(a, articleInput(a, blocks, run.refs), key);
      run.newIds.set(a.id, article.id);
      if (hasForward) run.forward.push({ exported: a, id: article.id });
      addEntry(run.report, { ...entry, outcome: "imported", articleId: article.id });
    } catch (error) {
      addEntry(run.report, { ...entry, ...failureOf(error) });
    }
  }

  /**
   * Creates the article and replays its workflow in one transaction, the services' clock at the
   * exported creation time, then at its last modification.
   */
  async function createArticle(a: ExportArticle, input: ArticleInput, key: string): Promise<Article> {
    const hash = sha256(JSON.stringify(a));
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
        await repo.setPendingRelated(db, article.id, pendingRelatedKeys(a.body.blocks));
        await repo.setContentHash(db, article.id, hash, now);
        await resolveWaiting(services, actor, article.headline, article.id);
        return article;
      },
      { clock: () => now },
    );
    return value;
  }

  /** Second pass: Baca Juga blocks that pointed forward in the document now get their ids. */
  async function linkForward(run: ImportRun, { exported, id }: ForwardLinks): Promise<void> {
    const now = new Date(exported.modifiedAt);
    try {
      await runtime.transaction(
        async (services) => {
          const article = await services.articles.get(id);
          const blocks = exported.body.blocks.flatMap((block): Block[] => {
            if (block.type !== "related" || block.articleId === undefined) return [block];
            const target = run.newIds.get(block.articleId);
            return target === undefined ? [] : [{ type: "related", articleId: target }];
          });
          await services.articles.update(id, inputOfArticle(article, bodyOfBlocks(blocks)), actor, {
            expectedVersion: article.version,
            substantive: false,
          });
        },
        { clock: () => now },
      );
    } catch (error) {
      addEntry(run.report, {
        outcome: "failed",
        file: run.file,
        item: null,
        headline: exported.headline,
        ...failureOf(error),
      });
    }
  }

  return {
    async importDocument(text: string, options: WartaImportOptions): Promise<ReportEntry[]> {
      const report = emptyReport();
      try {
        const doc = parseExport(text);
        const run: ImportRun = {
          report,
          file: options.file,
          refs: await taxonomy(doc),
          newIds: new Map(),
          forward: [],
          headlineOf: new Map(doc.articles.map((a) => [a.id, a.headline])),
        };
        const letOthersRun = createYielder();
        for (const [index, a] of doc.articles.entries()) {
          await letOthersRun();
          if (options.shouldStop?.()) break;
          await importArticle(run, a, index);
        }
        for (const links of run.forward) await linkForward(run, links);
      } catch (error) {
        addEntry(report, { outcome: "failed", file: options.file, item: null, ...failureOf(error) });
      }
      return report.entries;
    },
  };
}

export type WartaImporter = ReturnType<typeof createWartaImporter>;
