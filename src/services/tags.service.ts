import type { Tag } from "../core/tag.ts";
import { AppError } from "../core/errors.ts";
import { isValidSlug, slugify } from "../core/slug.ts";
import { createLiveTaxonomyRepository } from "../db/repositories/live-taxonomy.repository.ts";
import type { ServiceDeps } from "./service-deps.ts";

export function createTagsService(deps: ServiceDeps) {
  const { db, repos } = deps;
  const liveTaxonomy = createLiveTaxonomyRepository();
  return {
    /** Tags by name, created when new; names that slug alike ("Korea Utara", "korea utara") are one tag. */
    async ensure(names: string[]): Promise<Tag[]> {
      const tags: Tag[] = [];
      for (const raw of names) {
        const name = raw.trim();
        const slug = slugify(name);
        if (!slug)
          throw new AppError("validation_failed", "Nama tag tidak valid.", {
            details: [{ field: "tags", message: `"${raw}" tidak menghasilkan slug.` }],
          });
        const existing = await repos.taxonomy.tagBySlug(db, slug);
        if (existing) tags.push(existing);
        else tags.push({ id: await repos.taxonomy.insertTag(db, { slug, name }), slug, name });
      }
      return tags;
    },
    /** A new tag; `conflict` when a tag with the same slug exists. */
    async create(input: { name: string; slug?: string }): Promise<Tag> {
      const name = input.name.trim();
      const slug = input.slug?.trim() || slugify(name);
      if (!name || !slug || !isValidSlug(slug))
        throw new AppError("validation_failed", "Nama atau slug tag tidak valid.", {
          details: [{ field: name ? "slug" : "name", message: "Tidak valid." }],
        });
      if (await repos.taxonomy.tagBySlug(db, slug))
        throw new AppError("conflict", "Tag dengan slug ini sudah ada.", {
          details: [{ field: "slug", message: "Sudah dipakai." }],
        });
      return { id: await repos.taxonomy.insertTag(db, { slug, name }), slug, name };
    },
    bySlug: (slug: string) => repos.taxonomy.tagBySlug(db, slug),
    list: () => repos.taxonomy.allTags(db),
    /** What readers may see: tags with at least one live article (never one only an embargo carries). */
    async listLive(): Promise<Tag[]> {
      const live = await liveTaxonomy.liveTagIds(db, deps.clock());
      return (await repos.taxonomy.allTags(db)).filter((tag) => live.has(tag.id));
    },
  };
}

export type TagsService = ReturnType<typeof createTagsService>;
