import type { Actor } from "../../core/actor.ts";
import type { Article } from "../../core/article.ts";
import type { Person } from "../../core/person.ts";
import { buildSectionDirectory, type SectionDirectory, type Section } from "../../core/section.ts";
import { slugify } from "../../core/slug.ts";
import type { Tag } from "../../core/tag.ts";
import { RESERVED_SLUGS } from "../../core/urls.ts";
import { createImportRepository } from "../../db/repositories/import.repository.ts";
import { createRemoteImagesRepository } from "../../db/repositories/remote-images.repository.ts";
import type { ExtractedArticle, ExtractedStatus } from "../../importers/extracted-article.ts";
import {
  bodyOfBlocks,
  contentHashOf,
  importKeyOf,
  inputOfArticle,
  normalizeHeadline,
  resolveRelated,
  toArticleInput,
} from "./import-mapping.ts";
import type { Services } from "../services.ts";
import type { ImportRuntime } from "./import-runtime.ts";
import type { ImageOrigin } from "./import-images.ts";
import { importMedia } from "./import-media.ts";

export type ItemOutcome = "imported" | "updated" | "skipped";

export interface ItemResult {
  outcome: ItemOutcome;
  articleId: number;
  headline: string;
  /** Inline photos not brought in (missing files, not images), as the page wrote them. */
  pendingImages?: string[];
  /** Photos at remote URLs, fetched in the background (remote-images.service.ts). */
  remoteImages?: string[];
}

export interface ImportServiceOptions {
  actor: Actor;
  /** `--status`: applies to every item. Otherwise the item's hint (WXR), else published for pages, draft for feeds. */
  status?: ExtractedStatus | null;
  /** Test seam: runs inside the article's transaction right after its insert (simulates a crash). */
  afterInsert?: (articleId: number) => void | Promise<void>;
}

/** The imported file and folder: image paths relative to the file are read, inside the folder only. */
export type ItemContext = ImageOrigin;

/** Where a Baca Juga target, a person or a tag is found without asking the store again. */
interface RunCache {
  directory: SectionDirectory | null;
  people: Map<string, Person>;
  tags: Map<string, Tag>;
  headlines: Map<string, number>;
}

const DEFAULT_SECTION = "Impor";

/**
 * Turns extracted articles into Warta articles through the admin's services (events fire; search
 * and caches follow), one transaction per article. Keeps run-wide caches of sections, people,
 * tags and headlines, updated only after a commit so a rolled-back article leaves no trace.
 */
export function createImportService(runtime: ImportRuntime, options: ImportServiceOptions) {
  const repo = createImportRepository();
  const remoteRepo = createRemoteImagesRepository();
  const { actor } = options;
  let cache: RunCache | null = null;

  async function loadCache(): Promise<RunCache> {
    if (cache) return cache;
    const { db, repos } = runtime;
    const [people, tags, headlines] = await Promise.all([
      repos.taxonomy.allPeople(db),
      repos.taxonomy.allTags(db),
      db.selectFrom("articles").select(["id", "headline"]).orderBy("id").execute(),
    ]);
    const byHeadline = new Map<string, number>();
    for (const row of headlines) {
      const key = normalizeHeadline(row.headline);
      if (!byHeadline.has(key)) byHeadline.set(key, row.id);
    }
    cache = {
      directory: null,
      people: new Map(people.map((p) => [p.name.trim().toLowerCase(), p])),
      tags: new Map(tags.map((t) => [t.slug, t])),
      headlines: byHeadline,
    };
    return cache;
  }

  function statusFor(article: ExtractedArticle): ExtractedStatus {
    if (options.status) return options.status;
    if (article.status) return article.status;
    return article.format === "page-text" || article.format === "html" ? "published" : "draft";
  }

  /** Finds a section by name or slug (the trail nests: root first), creating what is missing. */
  async function sectionFor(services: Services, trail: string[]): Promise<number> {
    const names = trail.length > 0 ? trail : [DEFAULT_SECTION];
    let directory = await services.sections.directory();
    const matches = (s: Section, name: string): boolean =>
      s.name.trim().toLowerCase() === name.trim().toLowerCase() || s.slug === slugify(name);
    if (names.length === 1) {
      const name = names[0] as string;
      const found =
        directory.children(null).find((s) => matches(s, name)) ?? directory.all.find((s) => matches(s, name));
      if (found) return found.id;
    }
    let parentId: number | null = null;
    for (const name of names) {
      const existing: Section | undefined = directory.children(parentId).find((s) => matches(s, name));
      if (existing) {
        parentId = existing.id;
        continue;
      }
      let slug = slugify(name, 60) || "rubrik";
      if (parentId === null && RESERVED_SLUGS.has(slug)) slug = `${slug}-rubrik`;
      const created = await services.sections.create({ name: name.slice(0, 100), slug, parentId }, actor);
      directory = await services.sections.directory();
      parentId = created.id;
    }
    return parentId as number;
  }

  async function peopleFor(
    services: Services,
    article: ExtractedArticle,
    fresh: Map<string, Person>,
    run: RunCache,
  ) {
    const credits: { role: Article["credits"][number]["role"]; personId: number }[] = [];
    for (const credit of article.credits) {
      const key = credit.name.trim().toLowerCase();
      let person = run.people.get(key) ?? fresh.get(key);
      if (!person) {
        person = await services.people.findOrCreateByName(credit.name.trim().slice(0, 200), actor);
        fresh.set(key, person);
      }
      credits.push({ role: credit.role, personId: person.id });
    }
    return credits;
  }

  async function tagsFor(
    services: Services,
    names: string[],
    fresh: Map<string, Tag>,
    run: RunCache,
  ): Promise<number[]> {
    const ids: number[] = [];
    for (const name of names.slice(0, 30)) {
      const slug = slugify(name);
      if (!slug) continue;
      let tag = run.tags.get(slug) ?? fresh.get(slug);
      if (!tag) {
        const [ensured] = await services.tags.ensure([name.slice(0, 100)]);
        if (!ensured) continue;
        tag = ensured;
        fresh.set(slug, tag);
      }
      if (!ids.includes(tag.id)) ids.push(tag.id);
    }
    return ids;
  }

  return {
    /** Imports one extracted article (validated by the caller) atomically; idempotent by import key. */
    async importArticle(article: ExtractedArticle, context: ItemContext = {}): Promise<ItemResult> {
      const run = await loadCache();
      const key = importKeyOf(article);
      const status = statusFor(article);
      const hash = contentHashOf(article, status);
      const freshPeople = new Map<string, Person>();
      const freshTags = new Map<string, Tag>();
      const { db, repos } = runtime;
      const existingId = await repos.articles.findIdByImportKey(db, key);
      if (existingId !== null && (await repo.contentHash(db, existingId)) === hash)
        return { outcome: "skipped", articleId: existingId, headline: article.headline };

      const { value, events } = await runtime.transaction(
        async (services): Promise<ItemResult> => {
          const { db } = services;
          const trail = [...article.breadcrumb];
          // The kicker is usually one of the breadcrumb's levels; the deepest level is the section.
          const label = article.section?.toLowerCase();
          if (article.section && !trail.some((name) => name.toLowerCase() === label))
            trail.push(article.section);
          const sectionId = await sectionFor(services, trail);
          const credits = await peopleFor(services, article, freshPeople, run);
          const tagIds = await tagsFor(services, article.tags, freshTags, run);
          const media = await importMedia(services, article, context, actor);
          const { hero, pendingHero } = media;
          const { blocks, pending } = resolveRelated(media.blocks, (k) => run.headlines.get(k));
          const input = toArticleInput(article, {
            sectionId,
            credits,
            tagIds,
            hero,
            body: bodyOfBlocks(blocks),
          });
          const at = article.publishedAt ? new Date(article.publishedAt) : undefined;
          let saved: Article;
          let outcome: ItemOutcome;
          if (existingId === null) {
            saved = await services.articles.create(input, actor, { importKey: key });
            await options.afterInsert?.(saved.id);
            outcome = "imported";
          } else {
            const before = await services.articles.get(existingId);
            const substantive =
              before.headline !== input.headline ||
              before.lede !== input.lede ||
              JSON.stringify(before.body) !== JSON.stringify(input.body);
            saved = await services.articles.update(existingId, { ...input, slug: before.slug }, actor, {
              expectedVersion: before.version,
              substantive,
              importKey: key,
            });
            outcome = "updated";
          }
          if (status === "published" && saved.status !== "published")
            saved = await services.articles.transition(saved.id, "publish", actor, {
              current: saved,
              allowMissingAlt: true,
              ...(at ? { at } : {}),
            });
          // A new article has no rows to replace yet: only write what exists.
          if (existingId !== null || pending.length > 0) await repo.setPendingRelated(db, saved.id, pending);
          if (existingId !== null || pendingHero)
            await repo.setPendingHero(db, saved.id, pendingHero, runtime.clock());
          if (existingId !== null || media.remoteImages.length > 0)
            await remoteRepo.replaceForArticle(db, saved.id, media.remoteImages, runtime.clock());
          await repo.setContentHash(db, saved.id, hash, runtime.clock());
          await resolveWaiting(services, actor, saved.headline, saved.id);
          return {
            outcome,
            articleId: saved.id,
            headline: saved.headline,
            ...(media.pendingImages.length > 0 ? { pendingImages: media.pendingImages } : {}),
            ...(media.remoteImages.length > 0 ? { remoteImages: media.remoteImages.map((r) => r.url) } : {}),
          };
        },
        { directory: run.directory },
      );
      // Committed: the run's caches may learn what this article created.
      if (events.some((event) => event.type === "section.changed")) run.directory = null;
      for (const [name, person] of freshPeople) run.people.set(name, person);
      for (const [slug, tag] of freshTags) run.tags.set(slug, tag);
      const headlineKey = normalizeHeadline(value.headline);
      if (!run.headlines.has(headlineKey)) run.headlines.set(headlineKey, value.articleId);
      if (run.directory === null) run.directory = buildSectionDirectory(await repos.taxonomy.allSections(db));
      return value;
    },

    /** Forget the caches (another writer changed sections, people or tags). */
    reset(): void {
      cache = null;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;

/** Articles waiting for `headline` get their Baca Juga block pointed at `articleId` (in the same transaction). */
export async function resolveWaiting(
  services: Services,
  actor: Actor,
  headline: string,
  articleId: number,
): Promise<number> {
  const repo = createImportRepository();
  const key = normalizeHeadline(headline);
  const waiting = await repo.waitingFor(services.db, key);
  let resolved = 0;
  for (const waitingId of waiting) {
    if (waitingId === articleId) continue;
    const article = await services.articles.get(waitingId);
    const { blocks, pending } = resolveRelated(article.body.blocks, (k) =>
      k === key ? articleId : undefined,
    );
    await services.articles.update(waitingId, inputOfArticle(article, bodyOfBlocks(blocks)), actor, {
      expectedVersion: article.version,
      substantive: false,
    });
    await repo.setPendingRelated(services.db, waitingId, pending);
    resolved++;
  }
  return resolved;
}
