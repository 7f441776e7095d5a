import type { Tag } from "../core/tag.ts";
import { AppError } from "../core/errors.ts";
import { slugify } from "../core/slug.ts";
import type { ServiceDeps } from "./service-deps.ts";

export function createTagsService(deps: ServiceDeps) {
  const { store, repos } = deps;
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
        const existing = await repos.taxonomy.tagBySlug(store.db, slug);
        if (existing) tags.push(existing);
        else tags.push({ id: await repos.taxonomy.insertTag(store.db, { slug, name }), slug, name });
      }
      return tags;
    },
    bySlug: (slug: string) => repos.taxonomy.tagBySlug(store.db, slug),
    list: () => repos.taxonomy.allTags(store.db),
  };
}

export type TagsService = ReturnType<typeof createTagsService>;
