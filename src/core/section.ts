export interface Section {
  id: number;
  slug: string;
  name: string;
  parentId: number | null;
  position: number;
  description: string;
}

/** A section with its ancestors, root first: the breadcrumb and the URL path. */
export interface SectionPath {
  section: Section;
  ancestors: Section[];
}

export function sectionTrail(path: SectionPath): Section[] {
  return [...path.ancestors, path.section];
}

export function sectionUrlPath(path: SectionPath): string {
  return sectionTrail(path)
    .map((s) => s.slug)
    .join("/");
}

/** The whole section tree in memory: paths, children and descendants without further queries. */
export interface SectionDirectory {
  all: Section[];
  byId(id: number): Section | undefined;
  pathOf(id: number): SectionPath | null;
  /** Resolves `["dunia", "asia"]` to the nested section, or null. */
  resolve(slugs: string[]): SectionPath | null;
  children(parentId: number | null): Section[];
  /** The section and everything below it. */
  subtreeIds(id: number): number[];
}

/** Where a reader of the tree gets it (the sections service, cached until a section changes). */
export interface SectionDirectorySource {
  directory(): Promise<SectionDirectory>;
}

export function buildSectionDirectory(sections: Section[]): SectionDirectory {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const childrenOf = new Map<number | null, Section[]>();
  for (const section of sections) {
    const siblings = childrenOf.get(section.parentId) ?? [];
    siblings.push(section);
    childrenOf.set(section.parentId, siblings);
  }
  for (const siblings of childrenOf.values()) siblings.sort((a, b) => a.position - b.position || a.id - b.id);

  function pathOf(id: number): SectionPath | null {
    const section = byId.get(id);
    if (!section) return null;
    const ancestors: Section[] = [];
    const seen = new Set([id]);
    let parentId = section.parentId;
    while (parentId !== null) {
      const parent = byId.get(parentId);
      if (!parent || seen.has(parentId)) break;
      seen.add(parentId);
      ancestors.unshift(parent);
      parentId = parent.parentId;
    }
    return { section, ancestors };
  }

  return {
    all: sections,
    byId: (id) => byId.get(id),
    pathOf,
    resolve(slugs) {
      let parentId: number | null = null;
      let found: Section | undefined;
      for (const slug of slugs) {
        found = (childrenOf.get(parentId) ?? []).find((s) => s.slug === slug);
        if (!found) return null;
        parentId = found.id;
      }
      return found ? pathOf(found.id) : null;
    },
    children: (parentId) => childrenOf.get(parentId) ?? [],
    subtreeIds(id) {
      const ids: number[] = [];
      const stack = [id];
      while (stack.length > 0) {
        const current = stack.pop() as number;
        if (ids.includes(current)) continue;
        ids.push(current);
        for (const child of childrenOf.get(current) ?? []) stack.push(child.id);
      }
      return ids;
    },
  };
}
