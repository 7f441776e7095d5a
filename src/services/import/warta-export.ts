import type { Block } from "../../content/body.schema.ts";
import {
  CREDIT_ROLES,
  type ArticleStatus,
  type CreditRole,
  type Dateline,
  type Source,
} from "../../core/article.ts";
import { createImportRepository } from "../../db/repositories/import.repository.ts";
import type { MediaStorage } from "../../media/media-storage.ts";
import type { ServiceDeps } from "../service-deps.ts";

export const WARTA_EXPORT_VERSION = 1;

/** Keys the Warta JSON import gives articles that had none; not exported (round trips stay equal). */
export const WARTA_KEY_PREFIX = "warta:";

export interface ExportSection {
  id: number;
  slug: string;
  name: string;
  parent: number | null;
  position: number;
  description: string;
}

export interface ExportPerson {
  slug: string;
  name: string;
  bio: string;
  /** Media `file` of the photo. */
  photo: string | null;
}

export interface ExportTag {
  slug: string;
  name: string;
}

export interface ExportMedia {
  file: string;
  mimeType: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  createdAt: string;
  /** Since migration 008 (absent in older exports). */
  sha256?: string;
  focalX?: number;
  focalY?: number;
  creator?: string;
  keywords?: string[];
  /** The image bytes, base64. */
  data: string;
}

export interface ExportArticle {
  /** Export id: position in `articles`, 1-based; `related` blocks point at it. */
  id: number;
  slug: string;
  headline: string;
  lede: string;
  /** Export id of the section. */
  section: number;
  dateline: Dateline;
  body: { version: number; blocks: Block[] };
  hero: { media: string; caption: string; credit: string } | null;
  /** A hero photo the importer could not store (caption and credit shown, URL kept). */
  pendingHero: { url: string | null; caption: string; credit: string } | null;
  sources: Source[];
  tags: string[];
  credits: { role: CreditRole; person: string }[];
  status: ArticleStatus;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  updatedAt: string | null;
  createdAt: string;
  modifiedAt: string;
  importKey: string | null;
}

export interface WartaExport {
  warta: {
    version: number;
    exportedAt: string;
    sections: ExportSection[];
    people: ExportPerson[];
    tags: ExportTag[];
    media: ExportMedia[];
    articles: ExportArticle[];
  };
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/**
 * `warta export`: the whole newsroom content as one JSON document (sections, people, tags, media
 * with their bytes, articles with status, times and credits). Revisions, accounts and staged edits
 * are not part of it. Importing it into an empty store and exporting again gives the same document.
 */
export async function exportWarta(deps: ServiceDeps & { storage: MediaStorage }): Promise<WartaExport> {
  const { db, repos, clock } = deps;
  const importRepo = createImportRepository();
  const sections = [...(await repos.taxonomy.allSections(db))].sort((a, b) => a.id - b.id);
  const sectionIds = new Map(sections.map((s, index) => [s.id, index + 1]));
  const people = [...(await repos.taxonomy.allPeople(db))].sort((a, b) => a.id - b.id);
  const personSlug = new Map(people.map((p) => [p.id, p.slug]));
  const tags = [...(await repos.taxonomy.allTags(db))].sort((a, b) => a.id - b.id);
  const tagSlug = new Map(tags.map((t) => [t.id, t.slug]));
  const mediaRows = await db.selectFrom("media").select("id").orderBy("id").execute();
  const media = await repos.media.byIds(
    db,
    mediaRows.map((m) => m.id),
  );
  media.sort((a, b) => a.id - b.id);
  const mediaFile = new Map(media.map((m) => [m.id, m.file]));
  const articleRows = await db.selectFrom("articles").select(["id", "import_key"]).orderBy("id").execute();
  const exportId = new Map(articleRows.map((row, index) => [row.id, index + 1]));
  const pendingHeroes = await importRepo.pendingHeroes(db);

  const exportMedia: ExportMedia[] = [];
  for (const m of media) {
    const bytes = await deps.storage.get(m.file);
    exportMedia.push({
      file: m.file,
      mimeType: m.mimeType,
      width: m.width,
      height: m.height,
      alt: m.alt,
      caption: m.caption,
      credit: m.credit,
      createdAt: m.createdAt.toISOString(),
      sha256: m.sha256,
      focalX: m.focalX,
      focalY: m.focalY,
      creator: m.creator,
      keywords: m.keywords,
      data: bytes ? bytes.toString("base64") : "",
    });
  }

  const articles: ExportArticle[] = [];
  for (const row of articleRows) {
    const article = await repos.articles.findById(db, row.id);
    if (!article) continue;
    const blocks = article.body.blocks.flatMap((block): Block[] => {
      if (block.type !== "related" || block.articleId === undefined) return [block];
      const target = exportId.get(block.articleId);
      return target === undefined ? [] : [{ ...block, articleId: target }];
    });
    const pending = pendingHeroes.get(article.id) ?? null;
    articles.push({
      id: exportId.get(article.id) as number,
      slug: article.slug,
      headline: article.headline,
      lede: article.lede,
      section: sectionIds.get(article.sectionId) ?? 0,
      dateline: article.dateline,
      body: { version: article.body.version, blocks },
      hero: article.hero
        ? {
            media: mediaFile.get(article.hero.mediaId) ?? "",
            caption: article.hero.caption,
            credit: article.hero.credit,
          }
        : null,
      pendingHero: pending,
      sources: article.sources,
      tags: article.tagIds.flatMap((id) => tagSlug.get(id) ?? []),
      credits: [...article.credits]
        .sort(
          (a, b) => CREDIT_ROLES.indexOf(a.role) - CREDIT_ROLES.indexOf(b.role) || a.position - b.position,
        )
        .flatMap((c) => {
          const slug = personSlug.get(c.personId);
          return slug ? [{ role: c.role, person: slug }] : [];
        }),
      status: article.status,
      publishedAt: iso(article.publishedAt),
      firstPublishedAt: iso(article.firstPublishedAt),
      updatedAt: iso(article.updatedAt),
      createdAt: article.createdAt.toISOString(),
      modifiedAt: article.modifiedAt.toISOString(),
      importKey: row.import_key && !row.import_key.startsWith(WARTA_KEY_PREFIX) ? row.import_key : null,
    });
  }

  return {
    warta: {
      version: WARTA_EXPORT_VERSION,
      exportedAt: clock().toISOString(),
      sections: sections.map((s) => ({
        id: sectionIds.get(s.id) as number,
        slug: s.slug,
        name: s.name,
        parent: s.parentId === null ? null : (sectionIds.get(s.parentId) ?? null),
        position: s.position,
        description: s.description,
      })),
      people: people.map((p) => ({
        slug: p.slug,
        name: p.name,
        bio: p.bio,
        photo: p.photoMediaId === null ? null : (mediaFile.get(p.photoMediaId) ?? null),
      })),
      tags: tags.map((t) => ({ slug: t.slug, name: t.name })),
      media: exportMedia,
      articles,
    },
  };
}
