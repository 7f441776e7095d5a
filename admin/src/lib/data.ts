import { useEffect, useState } from "react";
import { api, qs } from "./api.ts";
import type { Page, Person, SectionNode, Tag } from "./types.ts";

/** Sections flattened for selects ("Ekonomi / Pasar"), loaded once per page. */
export interface SectionOption {
  id: number;
  label: string;
}

let sectionsPromise: Promise<SectionOption[]> | null = null;

function flatten(nodes: SectionNode[], prefix: string): SectionOption[] {
  return nodes.flatMap((n) => {
    const label = prefix ? `${prefix} / ${n.name}` : n.name;
    return [{ id: n.id, label }, ...flatten(n.children, label)];
  });
}

export function loadSections(): Promise<SectionOption[]> {
  sectionsPromise ??= api
    .get<{ items: SectionNode[] }>("/sections")
    .then((r) => flatten(r.items, ""))
    .catch((error: unknown) => {
      sectionsPromise = null;
      throw error;
    });
  return sectionsPromise;
}

/** After the section tree changed (settings): the next loadSections() asks the server again. */
export function forgetSections(): void {
  sectionsPromise = null;
}

export function useSections(): SectionOption[] {
  const [sections, setSections] = useState<SectionOption[]>([]);
  useEffect(() => {
    loadSections().then(setSections, () => setSections([]));
  }, []);
  return sections;
}

/** Names of people and tags by id, fetched page by page and kept for the page's lifetime. */
const people = new Map<number, Person>();
const tags = new Map<number, Tag>();

async function loadAll<T extends { id: number }>(path: string, into: Map<number, T>): Promise<void> {
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: Page<T> = await api.get<Page<T>>(`${path}${qs({ limit: 100, cursor })}`);
    for (const item of page.items) into.set(item.id, item);
    cursor = page.nextCursor;
    if (!cursor) return;
  }
}

let peopleLoaded: Promise<void> | null = null;
let tagsLoaded: Promise<void> | null = null;

export async function peopleById(): Promise<Map<number, Person>> {
  peopleLoaded ??= loadAll("/people", people);
  await peopleLoaded;
  return people;
}

export async function tagsById(): Promise<Map<number, Tag>> {
  tagsLoaded ??= loadAll("/tags", tags);
  await tagsLoaded;
  return tags;
}

export function rememberPerson(person: Person): void {
  people.set(person.id, person);
}

export function rememberTag(tag: Tag): void {
  tags.set(tag.id, tag);
}

export async function searchPeople(q: string): Promise<Person[]> {
  const page = await api.get<Page<Person>>(`/people${qs({ q, limit: 10 })}`);
  page.items.forEach(rememberPerson);
  return page.items;
}

export async function searchTags(q: string): Promise<Tag[]> {
  const page = await api.get<Page<Tag>>(`/tags${qs({ q, limit: 10 })}`);
  page.items.forEach(rememberTag);
  return page.items;
}
