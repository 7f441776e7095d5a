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
