import { z } from "zod";
import type { Actor } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import type { DomainEvent } from "../core/events.ts";
import { buildSectionDirectory, type Section, type SectionDirectory } from "../core/section.ts";
import { isValidSlug, slugify } from "../core/slug.ts";
import { RESERVED_SLUGS } from "../core/urls.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { parseInput } from "./validation.ts";

export const sectionInputSchema = z.object({
  name: z.string().trim().min(1, "Nama rubrik wajib diisi.").max(100),
  slug: z.string().trim().optional(),
  parentId: z.number().int().positive().nullable().default(null),
  position: z.number().int().default(0),
  description: z.string().max(500).default(""),
});

export type SectionInput = z.input<typeof sectionInputSchema>;

const DIRECTORY_TTL_MS = 5000;

export function createSectionsService(
  deps: ServiceDeps,
  options: { directory?: SectionDirectory | null } = {},
) {
  const { db, repos, events, clock } = deps;

  // The tree is read on every page (navigation, paths): kept in memory, dropped on every
  // section.changed (handleEvent; also those published after an import transaction) and after a
  // few seconds, so changes made by another process show up too.
  let cached: { directory: Promise<SectionDirectory>; at: number } | null = options.directory
    ? { directory: Promise.resolve(options.directory), at: Date.now() }
    : null;
  async function directory(): Promise<SectionDirectory> {
    const now = Date.now();
    if (cached === null || now - cached.at > DIRECTORY_TTL_MS) {
      const loading = repos.taxonomy.allSections(db).then(buildSectionDirectory);
      cached = { directory: loading, at: now };
      loading.catch(() => {
        if (cached?.directory === loading) cached = null;
      });
    }
    return cached.directory;
  }

  function checkSlug(
    dir: SectionDirectory,
    slug: string,
    parentId: number | null,
    selfId: number | null,
  ): void {
    if (!isValidSlug(slug))
      throw new AppError("validation_failed", "Slug tidak valid.", {
        details: [{ field: "slug", message: "Gunakan huruf kecil, angka dan tanda hubung." }],
      });
    if (parentId === null && RESERVED_SLUGS.has(slug))
      throw new AppError("validation_failed", "Slug ini dipakai oleh situs.", {
        details: [{ field: "slug", message: `"${slug}" adalah jalur yang dicadangkan.` }],
      });
    if (dir.children(parentId).some((s) => s.slug === slug && s.id !== selfId))
      throw new AppError("conflict", "Rubrik dengan slug ini sudah ada di tingkat yang sama.", {
        details: [{ field: "slug", message: "Sudah dipakai." }],
      });
    if (parentId !== null && !dir.byId(parentId))
      throw new AppError("validation_failed", "Rubrik induk tidak ditemukan.", {
        details: [{ field: "parentId", message: "Tidak ada." }],
      });
  }

  return {
    directory,

    /** The event subscriber (app/subscribers.ts): a changed section drops the cached tree. */
    handleEvent(event: DomainEvent): void {
      if (event.type === "section.changed") cached = null;
    },

    async create(input: SectionInput, _actor: Actor): Promise<Section> {
      const data = parseInput(sectionInputSchema, input);
      const slug = data.slug || slugify(data.name);
      const dir = await directory();
      checkSlug(dir, slug, data.parentId, null);
      const id = await repos.taxonomy.insertSection(db, { ...data, slug });
      cached = null;
      await events.publish({ type: "section.changed", id, at: clock() });
      return { id, ...data, slug };
    },

    async update(id: number, input: SectionInput, _actor: Actor): Promise<Section> {
      const data = parseInput(sectionInputSchema, input);
      const dir = await directory();
      if (!dir.byId(id)) throw notFound("Rubrik");
      if (data.parentId !== null && dir.subtreeIds(id).includes(data.parentId))
        throw new AppError("validation_failed", "Rubrik tidak bisa menjadi induk dirinya sendiri.", {
          details: [{ field: "parentId", message: "Membentuk lingkaran." }],
        });
      const slug = data.slug || slugify(data.name);
      checkSlug(dir, slug, data.parentId, id);
      const section = { id, ...data, slug };
      await repos.taxonomy.updateSection(db, section);
      cached = null;
      await events.publish({ type: "section.changed", id, at: clock() });
      return section;
    },

    /** Deletes an empty section; one with subsections or stories (any status) is refused (409). */
    async remove(id: number, _actor: Actor): Promise<void> {
      const dir = await directory();
      if (!dir.byId(id)) throw notFound("Rubrik");
      const children = dir.children(id).length;
      if (children > 0)
        throw new AppError(
          "conflict",
          `Rubrik ini masih punya ${children} subrubrik; pindahkan atau hapus dulu.`,
          {
            details: [{ field: "id", message: "Masih punya subrubrik." }],
          },
        );
      const stories = await repos.taxonomy.countSectionArticles(db, id);
      if (stories > 0)
        throw new AppError(
          "conflict",
          `Rubrik ini masih berisi ${stories} berita; pindahkan beritanya dulu.`,
          {
            details: [{ field: "id", message: "Masih berisi berita." }],
          },
        );
      await repos.taxonomy.deleteSection(db, id);
      cached = null;
      await events.publish({ type: "section.changed", id, at: clock() });
    },
  };
}

export type SectionsService = ReturnType<typeof createSectionsService>;
