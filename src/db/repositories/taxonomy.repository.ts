import type { Person } from "../../core/person.ts";
import type { Section } from "../../core/section.ts";
import type { Tag } from "../../core/tag.ts";
import type { PersonRow, SectionRow, TagRow } from "../schema.ts";
import type { Executor } from "./executor.ts";

const sectionFromRow = (row: SectionRow): Section => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  parentId: row.parent_id,
  position: row.position,
  description: row.description,
});

const personFromRow = (row: PersonRow): Person => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  bio: row.bio,
  photoMediaId: row.photo_media_id,
});

const tagFromRow = (row: TagRow): Tag => ({ id: row.id, slug: row.slug, name: row.name });

/** Sections, people and tags: small tables read whole or by slug. */
export function createTaxonomyRepository() {
  return {
    async allSections(db: Executor): Promise<Section[]> {
      const rows = await db.selectFrom("sections").selectAll().orderBy("position").orderBy("id").execute();
      return rows.map(sectionFromRow);
    },

    async insertSection(db: Executor, section: Omit<Section, "id">): Promise<number> {
      const { id } = await db
        .insertInto("sections")
        .values({
          slug: section.slug,
          name: section.name,
          parent_id: section.parentId,
          position: section.position,
          description: section.description,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },

    async updateSection(db: Executor, section: Section): Promise<void> {
      await db
        .updateTable("sections")
        .set({
          slug: section.slug,
          name: section.name,
          parent_id: section.parentId,
          position: section.position,
          description: section.description,
        })
        .where("id", "=", section.id)
        .execute();
    },

    /** Stories filed under the section, any status (a section with stories cannot be deleted). */
    async countSectionArticles(db: Executor, id: number): Promise<number> {
      const row = await db
        .selectFrom("articles")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("section_id", "=", id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async deleteSection(db: Executor, id: number): Promise<void> {
      await db.deleteFrom("sections").where("id", "=", id).execute();
    },

    async personById(db: Executor, id: number): Promise<Person | null> {
      const row = await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? personFromRow(row) : null;
    },

    async personBySlug(db: Executor, slug: string): Promise<Person | null> {
      const row = await db.selectFrom("people").selectAll().where("slug", "=", slug).executeTakeFirst();
      return row ? personFromRow(row) : null;
    },

    async peopleByIds(db: Executor, ids: number[]): Promise<Person[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom("people").selectAll().where("id", "in", ids).execute();
      return rows.map(personFromRow);
    },

    async allPeople(db: Executor): Promise<Person[]> {
      const rows = await db.selectFrom("people").selectAll().orderBy("name").execute();
      return rows.map(personFromRow);
    },

    async insertPerson(db: Executor, person: Omit<Person, "id">): Promise<number> {
      const { id } = await db
        .insertInto("people")
        .values({
          slug: person.slug,
          name: person.name,
          bio: person.bio,
          photo_media_id: person.photoMediaId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return id;
    },

    async updatePerson(db: Executor, person: Person): Promise<void> {
      await db
        .updateTable("people")
        .set({ slug: person.slug, name: person.name, bio: person.bio, photo_media_id: person.photoMediaId })
        .where("id", "=", person.id)
        .execute();
    },

    async tagBySlug(db: Executor, slug: string): Promise<Tag | null> {
      const row = await db.selectFrom("tags").selectAll().where("slug", "=", slug).executeTakeFirst();
      return row ? tagFromRow(row) : null;
    },

    async tagsByIds(db: Executor, ids: number[]): Promise<Tag[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom("tags").selectAll().where("id", "in", ids).execute();
      return rows.map(tagFromRow);
    },

    async allTags(db: Executor): Promise<Tag[]> {
      const rows = await db.selectFrom("tags").selectAll().orderBy("name").execute();
      return rows.map(tagFromRow);
    },

    async insertTag(db: Executor, tag: Omit<Tag, "id">): Promise<number> {
      const { id } = await db.insertInto("tags").values(tag).returning("id").executeTakeFirstOrThrow();
      return id;
    },
  };
}

export type TaxonomyRepository = ReturnType<typeof createTaxonomyRepository>;
