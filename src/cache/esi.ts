/**
 * Edge-side includes (ESI 1.0, the subset Warta emits): `<esi:include src="/path"/>` placeholders
 * that Varnish composes at the edge and the in-process page cache composes for direct readers
 * (server/plugins/page-cache.plugin.ts). Pure.
 */

/** The response header marking a page whose HTML holds includes. */
export const ESI_SURROGATE_CONTROL = 'content="ESI/1.0"';

const INCLUDE = /<esi:include\s+src="([^"<>]+)"\s*\/>/g;

/** True when a `Surrogate-Capability` request header says the cache in front composes ESI 1.0. */
export function composesAtEdge(capability: string | string[] | undefined): boolean {
  const value = Array.isArray(capability) ? capability.join(",") : capability;
  return value !== undefined && value.includes("ESI/1.0");
}

/** True when a `Surrogate-Control` response header says the body holds includes. */
export function hasIncludes(surrogateControl: string | undefined): boolean {
  return surrogateControl !== undefined && surrogateControl.includes("ESI/1.0");
}

/** The distinct `src` of every include, in order. Only site paths count (never another host). */
export function includeSources(shell: string): string[] {
  const sources = new Set<string>();
  for (const match of shell.matchAll(INCLUDE)) {
    const src = match[1] ?? "";
    if (src.startsWith("/") && !src.startsWith("//")) sources.add(src);
  }
  return [...sources];
}

/** The shell with each include replaced by its fragment; an include without one becomes nothing. */
export function composeIncludes(shell: string, fragments: ReadonlyMap<string, string>): string {
  return shell.replace(INCLUDE, (_whole, src: string) => fragments.get(src) ?? "");
}
