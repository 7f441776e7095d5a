/** Narrow, dependency-free readers for JSON-LD values (`unknown` in, typed out). */

export type JsonRecord = Record<string, unknown>;

export const asRecord = (value: unknown): JsonRecord | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null;

export const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

export function asText(value: unknown): string | null {
  if (typeof value === "string") return value.replace(/\s+/gu, " ").trim() || null;
  if (typeof value === "number") return String(value);
  return null;
}

/** A name from `"Ani"`, `{ "name": "Ani" }`, or `{ "@type": "Person", "name": ["Ani"] }`. */
export function nameOf(value: unknown): string | null {
  return asText(value) ?? asText(asArray(asRecord(value)?.["name"])[0]);
}

export function namesOf(value: unknown): string[] {
  return asArray(value).flatMap((item) => {
    const name = nameOf(item);
    return name === null ? [] : [name];
  });
}

export function typesOf(node: JsonRecord): string[] {
  return asArray(node["@type"]).flatMap((type) => (typeof type === "string" ? [type] : []));
}

/** Every node of every JSON-LD script: top-level arrays and `@graph` arrays flattened. */
export function jsonLdNodes(scripts: readonly string[]): JsonRecord[] {
  const nodes: JsonRecord[] = [];
  const add = (value: unknown): void => {
    for (const item of asArray(value)) {
      const node = asRecord(item);
      if (node === null) continue;
      if (node["@graph"] !== undefined) add(node["@graph"]);
      if (node["@type"] !== undefined) nodes.push(node);
    }
  };
  for (const script of scripts) {
    try {
      add(JSON.parse(script.trim().replace(/^<!--|-->$/gu, "")));
    } catch {
      // A broken JSON-LD block is ignored; meta tags and the DOM still apply.
    }
  }
  return nodes;
}

const ARTICLE_TYPES = new Set([
  "NewsArticle",
  "Article",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "BackgroundNewsArticle",
  "BlogPosting",
  "LiveBlogPosting",
]);

export function findArticleNode(nodes: readonly JsonRecord[]): JsonRecord | null {
  return nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.has(type))) ?? null;
}

/** Names of a BreadcrumbList, ordered by `position`. */
export function breadcrumbNames(nodes: readonly JsonRecord[]): string[] {
  const list = nodes.find((node) => typesOf(node).includes("BreadcrumbList"));
  if (!list) return [];
  return asArray(list["itemListElement"])
    .flatMap((item) => {
      const record = asRecord(item);
      if (record === null) return [];
      const name = nameOf(record) ?? nameOf(record["item"]);
      return name === null ? [] : [{ name, position: Number(record["position"] ?? 0) }];
    })
    .sort((a, b) => a.position - b.position)
    .map((item) => item.name);
}

/** `{ url, caption, credit }` of the first `image` value (string, ImageObject, or array). */
export function imageOf(
  value: unknown,
): { url: string | null; caption: string | null; credit: string | null } | null {
  const first = asArray(value)[0];
  if (first === undefined) return null;
  const record = asRecord(first);
  if (record === null) return { url: asText(first), caption: null, credit: null };
  return {
    url: asText(record["url"]) ?? asText(record["contentUrl"]),
    caption: asText(record["caption"]) ?? asText(record["description"]),
    credit: asText(record["creditText"]) ?? nameOf(record["copyrightHolder"]) ?? nameOf(record["author"]),
  };
}

/** The page URL from `url` or `mainEntityOfPage` (a string or `{ "@id": ... }`). */
export function urlOf(node: JsonRecord): string | null {
  const main = node["mainEntityOfPage"];
  return asText(node["url"]) ?? asText(main) ?? asText(asRecord(main)?.["@id"]) ?? null;
}

/** `keywords` as a comma-separated string or an array. */
export function keywordsOf(value: unknown): string[] {
  return asArray(value)
    .flatMap((item) => (typeof item === "string" ? item.split(",") : []))
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}
