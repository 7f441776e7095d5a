import type { Block } from "../../content/body.schema.ts";
import {
  CREDIT_ROLES,
  type Article,
  type ArticleStatus,
  type CreditRole,
  type Dateline,
  type Source,
} from "../../core/article.ts";
import type { Media } from "../../core/media.ts";
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
  const refs: ExportRefs = { exportId, sectionIds, mediaFile, tagSlug, personSlug, pendingHeroes };

  const exportMedia: ExportMedia[] = [];
  for (const m of media) exportMedia.push(exportMediaOf(m, await deps.storage.get(m.file)));

  const articles: ExportArticle[] = [];
  for (const row of articleRows) {
    const article = await repos.articles.findById(db, row.id);
    if (!article) continue;
    articles.push(exportArticleOf(article, row.import_key, refs));
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

/** Ids in this store → the export's own ids, files and slugs. */
interface ExportRefs {
  exportId: Map<number, number>;
  sectionIds: Map<number, number>;
  mediaFile: Map<number, string>;
  tagSlug: Map<number, string>;
  personSlug: Map<number, string>;
  pendingHeroes: Map<number, ExportArticle["pendingHero"]>;
}

/** One image with its bytes (base64; empty when the file is missing). */
function exportMediaOf(m: Media, bytes: Buffer | null): ExportMedia {
  return {
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
  };
}

/** One article with the export's ids; a Baca Juga link to an article not exported is dropped. */
function exportArticleOf(article: Article, importKey: string | null, refs: ExportRefs): ExportArticle {
  const blocks = article.body.blocks.flatMap((block): Block[] => {
    if (block.type !== "related" || block.articleId === undefined) return [block];
    const target = refs.exportId.get(block.articleId);
    return target === undefined ? [] : [{ ...block, articleId: target }];
  });
  return {
    id: refs.exportId.get(article.id) as number,
    slug: article.slug,
    headline: article.headline,
    lede: article.lede,
    section: refs.sectionIds.get(article.sectionId) ?? 0,
    dateline: article.dateline,
    body: { version: article.body.version, blocks },
    hero: article.hero
      ? {
          media: refs.mediaFile.get(article.hero.mediaId) ?? "",
          caption: article.hero.caption,
          credit: article.hero.credit,
        }
      : null,
    pendingHero: refs.pendingHeroes.get(article.id) ?? null,
    sources: article.sources,
    tags: article.tagIds.flatMap((id) => refs.tagSlug.get(id) ?? []),
    credits: [...article.credits]
      .sort((a, b) => CREDIT_ROLES.indexOf(a.role) - CREDIT_ROLES.indexOf(b.role) || a.position - b.position)
      .flatMap((c) => {
        const slug = refs.personSlug.get(c.personId);
        return slug ? [{ role: c.role, person: slug }] : [];
      }),
    status: article.status,
    publishedAt: iso(article.publishedAt),
    firstPublishedAt: iso(article.firstPublishedAt),
    updatedAt: iso(article.updatedAt),
    createdAt: article.createdAt.toISOString(),
    modifiedAt: article.modifiedAt.toISOString(),
    importKey: importKey && !importKey.startsWith(WARTA_KEY_PREFIX) ? importKey : null,
  };
}
