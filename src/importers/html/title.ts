/**
 * Headlines as pages title them: `<title>` and `og:title` carry the site's name as a prefix or
 * suffix (`… - Kompas.com Bola`, `Zona Jakarta | …`); the printed `<h1>` does not.
 */

/** Lower-case letters and digits only: `Kompas.com Bola` → `kompascombola`. */
export const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

const SEPARATOR = /\s+[-|–—:»·]\s+|\s+[|»·]\s*|\s*[|»·]\s+/u;

/** Whether a title segment names the site: it and one of the names contain each other (squashed). */
function namesSite(segment: string, names: readonly string[]): boolean {
  const part = squash(segment);
  if (part.length < 3) return false;
  return names.some((name) => {
    const site = squash(name);
    return site.length >= 3 && (part.includes(site) || site.includes(part));
  });
}

/**
 * The site names a page gives: `og:site_name`, `application-name`, and the host's labels
 * (`zonajakarta.pikiran-rakyat.com` → `zonajakarta`, `pikiran-rakyat`).
 */
export function siteNames(
  siteName: string | null,
  applicationName: string | null,
  url: string | null,
): string[] {
  const names = [siteName, applicationName].filter((name): name is string => name !== null && name !== "");
  if (url !== null && URL.canParse(url)) {
    const labels = new URL(url).hostname
      .split(".")
      .filter((label) => !/^(www|m|com|co|id|net|org|or|go|ac|tv)$/u.test(label));
    names.push(...labels);
  }
  return names;
}

/** The title without site-name segments at its start or end (only when something is left). */
export function stripSiteName(title: string, names: readonly string[]): string {
  let parts = title.split(SEPARATOR);
  let separators: string[] = [...(title.match(new RegExp(SEPARATOR.source, "gu")) ?? [])];
  while (parts.length > 1 && namesSite(parts.at(-1) ?? "", names)) {
    parts = parts.slice(0, -1);
    separators = separators.slice(0, -1);
  }
  while (parts.length > 1 && namesSite(parts[0] ?? "", names)) {
    parts = parts.slice(1);
    separators = separators.slice(1);
  }
  // Rejoin with the separators the title had between the kept parts.
  return parts
    .map((part, i) => (i === 0 ? part : `${separators[i - 1] ?? " - "}${part}`))
    .join("")
    .trim();
}

/** Share of the shorter headline's words found in the other (case and punctuation folded). */
export function headlineOverlap(a: string, b: string): number {
  const words = (text: string): string[] =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== "");
  const first = words(a);
  const second = new Set(words(b));
  const other = words(b);
  if (first.length === 0 || other.length === 0) return 0;
  const shared = new Set(first.filter((word) => second.has(word))).size;
  return shared / Math.min(new Set(first).size, second.size);
}
