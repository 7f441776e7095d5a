import { z } from "zod";
import type { Actor } from "../core/actor.ts";
import { AppError, notFound } from "../core/errors.ts";
import type { Person } from "../core/person.ts";
import { isValidSlug, slugify } from "../core/slug.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { parseInput } from "./validation.ts";
import { createLiveTaxonomyRepository } from "../db/repositories/live-taxonomy.repository.ts";

export const personInputSchema = z.object({
  name: z.string().trim().min(1, "Nama wajib diisi.").max(200),
  slug: z.string().trim().optional(),
  bio: z.string().max(2000).default(""),
  photoMediaId: z.number().int().positive().nullable().default(null),
});

export type PersonInput = z.input<typeof personInputSchema>;

export function createPeopleService(deps: ServiceDeps) {
  const { db, repos, events, clock } = deps;
  const liveTaxonomy = createLiveTaxonomyRepository();

  async function uniqueSlug(base: string): Promise<string> {
    let slug = base;
    for (let n = 2; await repos.taxonomy.personBySlug(db, slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  return {
    async create(input: PersonInput, _actor: Actor): Promise<Person> {
      const data = parseInput(personInputSchema, input);
      if (data.slug && !isValidSlug(data.slug))
        throw new AppError("validation_failed", "Slug tidak valid.", {
          details: [{ field: "slug", message: "Gunakan huruf kecil, angka dan tanda hubung." }],
        });
      const slug = await uniqueSlug(data.slug || slugify(data.name) || "orang");
      const id = await repos.taxonomy.insertPerson(db, { ...data, slug });
      await events.publish({ type: "person.changed", id, at: clock() });
      return { id, ...data, slug };
    },

    /** The person with this exact name, created if there is none (importers, bylines). */
    async findOrCreateByName(name: string, actor: Actor): Promise<Person> {
      const existing = (await repos.taxonomy.allPeople(db)).find(
        (p) => p.name.toLowerCase() === name.trim().toLowerCase(),
      );
      return existing ?? this.create({ name }, actor);
    },

    async bySlug(slug: string): Promise<Person> {
      const person = await repos.taxonomy.personBySlug(db, slug);
      if (!person) throw notFound("Profil");
      return person;
    },

    list: () => repos.taxonomy.allPeople(db),
    /** What readers may see: people credited on at least one live article. */
    async listLive() {
      const live = await liveTaxonomy.livePersonIds(db, deps.clock());
      return (await repos.taxonomy.allPeople(db)).filter((person) => live.has(person.id));
    },

    async update(id: number, input: PersonInput, _actor: Actor): Promise<Person> {
      const data = parseInput(personInputSchema, input);
      const current = await repos.taxonomy.personById(db, id);
      if (!current) throw notFound("Profil");
      const slug = data.slug || current.slug;
      if (!isValidSlug(slug))
        throw new AppError("validation_failed", "Slug tidak valid.", {
          details: [{ field: "slug", message: "Gunakan huruf kecil, angka dan tanda hubung." }],
        });
      const other = await repos.taxonomy.personBySlug(db, slug);
      if (other && other.id !== id)
        throw new AppError("conflict", "Slug profil sudah dipakai.", {
          details: [{ field: "slug", message: "Sudah dipakai." }],
        });
      const person = { id, ...data, slug };
      await repos.taxonomy.updatePerson(db, person);
      await events.publish({ type: "person.changed", id, at: clock() });
      return person;
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
