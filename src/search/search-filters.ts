/** A search request's filters (section, tag, person, dates) resolved against the store. */
import { AppError } from "../core/errors.ts";
import type { SectionDirectory } from "../core/section.ts";
import type { Store } from "../db/store.ts";
import type { createLiveTaxonomyRepository } from "../db/repositories/live-taxonomy.repository.ts";
import { endOfWibDay, type SearchRequest, startOfWibDay } from "./query/search-params.ts";
import type { SearchFilters } from "./search-index.ts";

/** The filters the reader named, by name (shown on the results page). */
export interface NamedFilters {
  section?: string;
  tag?: string;
  person?: string;
}

/**
 * The index filters for a request, and the names of what was filtered on. A section, tag or person
 * no live story has is unknown to readers: a validation error naming the field (its name must not
 * leak through the filter).
 */
export async function resolveFilters(
  request: SearchRequest,
  deps: {
    store: Store;
    clock: () => Date;
    directory: SectionDirectory;
    liveTaxonomy: ReturnType<typeof createLiveTaxonomyRepository>;
  },
): Promise<{ filters: SearchFilters; named: NamedFilters }> {
  const { store, clock, directory, liveTaxonomy } = deps;
  const filters: SearchFilters = {};
  const named: NamedFilters = {};
  const issues: { field: string; message: string }[] = [];
  if (request.section) {
    const path = directory.resolve(request.section.split("/"));
    if (path) {
      filters.sectionIds = [path.section.id];
      named.section = path.section.name;
    } else issues.push({ field: "section", message: "Rubrik tidak ditemukan." });
  }
  if (request.tag) {
    const tag = await store.db
      .selectFrom("tags")
      .select(["id", "name"])
      .where("slug", "=", request.tag)
      .executeTakeFirst();
    // A tag no live story carries is unknown to readers (its name must not leak via the filter).
    if (tag && (await liveTaxonomy.tagIsLive(store.db, tag.id, clock()))) {
      filters.tagIds = [tag.id];
      named.tag = tag.name;
    } else issues.push({ field: "tag", message: "Tag tidak ditemukan." });
  }
  if (request.person) {
    const person = await store.db
      .selectFrom("people")
      .select(["id", "name"])
      .where("slug", "=", request.person)
      .executeTakeFirst();
    if (person && (await liveTaxonomy.personIsLive(store.db, person.id, clock()))) {
      filters.personIds = [person.id];
      named.person = person.name;
    } else issues.push({ field: "person", message: "Orang tidak ditemukan." });
  }
  if (issues.length > 0)
    throw new AppError("validation_failed", "Filter pencarian tidak dikenal.", { details: issues });
  if (request.from) filters.from = startOfWibDay(request.from) ?? undefined;
  if (request.to) filters.to = endOfWibDay(request.to) ?? undefined;
  return { filters, named };
}
