import type { Source } from "../../core/article.ts";
import type { IndonesianTimeZone } from "../../core/time-zones.ts";
import { sourceFromText } from "../common/credits.ts";
import { collapseSpaces } from "../common/inline.ts";
import type { ExtractedCredit, ExtractedHero } from "../extracted-article.ts";
import { parseMachineDate, tryParseIndonesianDateTime } from "../indonesian-date.ts";
import { parseCaptionLine } from "../page-text/page-text.header.ts";
import { siteNames, stripSiteName } from "./title.ts";
import {
  asArray,
  asRecord,
  asText,
  breadcrumbNames,
  findArticleNode,
  imageOf,
  jsonLdNodes,
  keywordsOf,
  nameOf,
  namesOf,
  urlOf,
} from "./json-ld.ts";

/** Article metadata from structured data first (JSON-LD, then OpenGraph/`article:*` meta), then the DOM. */
export interface PageMetadata {
  headline: string;
  /** Every structured title (JSON-LD headline, og:title, <title>), site name stripped. */
  titles: string[];
  /** The site's names (og:site_name, application-name, host labels). */
  siteNames: string[];
  section: string | null;
  breadcrumb: string[];
  publishedAt: string | null;
  timeZone: IndonesianTimeZone | null;
  credits: ExtractedCredit[];
  sources: Source[];
  hero: ExtractedHero | null;
  tags: string[];
  description: string | null;
  url: string | null;
  /** JSON-LD `articleBody`, the body of last resort. */
  articleBody: string | null;
  /** True when JSON-LD or OpenGraph described the article. */
  structured: boolean;
}

const text = (element: Element | null): string | null =>
  element === null ? null : collapseSpaces(element.textContent ?? "").trim() || null;

const ROOT_CRUMB = /^(home|beranda|index|indeks)$/iu;

export function readPageMetadata(document: Document): PageMetadata {
  const meta = (key: string): string | null =>
    asText(document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content"));
  const metaAll = (key: string): string[] =>
    Array.from(document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)).flatMap(
      (element) => asText(element.getAttribute("content")) ?? [],
    );
  const scripts = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(
    (script) => script.textContent ?? "",
  );
  const nodes = jsonLdNodes(scripts);
  const ld = findArticleNode(nodes) ?? {};

  const ogTitle = meta("og:title");
  const pageUrl =
    urlOf(ld) ??
    meta("og:url") ??
    asText(document.querySelector('link[rel="canonical"]')?.getAttribute("href")) ??
    null;
  const names = siteNames(meta("og:site_name"), meta("application-name"), pageUrl);
  const titles = [asText(ld["headline"]), ogTitle, text(document.querySelector("title"))]
    .filter((title): title is string => title !== null)
    .map((title) => stripSiteName(title, names));
  const headline = titles[0] ?? text(document.querySelector("h1")) ?? "";

  const date = readDate(ld["datePublished"], meta("article:published_time"), document);

  const domCrumbs = Array.from(
    document.querySelectorAll(
      '[class*="breadcrumb"] a, nav[aria-label*="readcrumb"] a, [class*="breadcrumb"] li',
    ),
  ).flatMap((element) => text(element) ?? []);
  const breadcrumb = [
    ...new Set(breadcrumbNames(nodes).length > 0 ? breadcrumbNames(nodes) : domCrumbs),
  ].filter((name, i) => !(i === 0 && ROOT_CRUMB.test(name)));
  const section =
    asText(asArray(ld["articleSection"])[0]) ?? meta("article:section") ?? breadcrumb.at(-1) ?? null;

  const authors = namesOf(ld["author"]);
  const credits: ExtractedCredit[] = [
    ...(authors.length > 0 ? authors : metaAll("author")).map((name): ExtractedCredit => ({
      role: "penulis",
      name,
    })),
    ...namesOf(ld["editor"]).map((name): ExtractedCredit => ({ role: "editor", name })),
    ...namesOf(ld["contributor"]).map((name): ExtractedCredit => ({ role: "kontributor", name })),
  ];

  const sources = asArray(ld["isBasedOn"]).flatMap((item): Source[] => {
    const record = asRecord(item);
    if (record === null) return asText(item) === null ? [] : [sourceFromText(asText(item) ?? "")];
    const name = nameOf(record);
    const url = asText(record["url"]) ?? asText(record["@id"]);
    if (name === null) return url === null ? [] : [sourceFromText(url)];
    return [url === null ? { name } : { name, url }];
  });

  const keywords = keywordsOf(ld["keywords"]);
  const tags = keywords.length > 0 ? keywords : metaAll("article:tag");

  return {
    headline,
    titles,
    siteNames: names,
    section,
    breadcrumb,
    publishedAt: date?.iso ?? null,
    timeZone: date?.timeZone ?? null,
    credits,
    sources,
    hero: readHero(imageOf(ld["image"]), meta, document),
    tags: tags.length > 0 ? tags : keywordsOf(meta("news_keywords") ?? meta("keywords") ?? ""),
    description: asText(ld["description"]) ?? meta("og:description") ?? meta("description"),
    url: pageUrl,
    articleBody: typeof ld["articleBody"] === "string" ? ld["articleBody"] : null,
    structured: Object.keys(ld).length > 0 || ogTitle !== null,
  };
}

function readDate(
  ldDate: unknown,
  metaDate: string | null,
  document: Document,
): { iso: string; timeZone: IndonesianTimeZone | null } | null {
  for (const candidate of [
    asText(ldDate),
    metaDate,
    document.querySelector("time[datetime]")?.getAttribute("datetime"),
  ]) {
    const parsed = candidate ? parseMachineDate(candidate) : null;
    if (parsed) return parsed;
  }
  for (const element of Array.from(document.querySelectorAll('time, [class*="date"], [class*="time"]'))) {
    const result = tryParseIndonesianDateTime(element.textContent ?? "");
    if (result.ok) return { iso: result.value.instant.toISOString(), timeZone: result.value.timeZone };
  }
  return null;
}

function readHero(
  image: ReturnType<typeof imageOf>,
  meta: (key: string) => string | null,
  document: Document,
): ExtractedHero | null {
  const figure = document.querySelector("article figure, main figure, figure");
  const figureImage = figure?.querySelector("img")?.getAttribute("src") ?? null;
  const url = image?.url ?? meta("og:image") ?? figureImage;
  const figcaption = text(figure?.querySelector("figcaption") ?? null);
  const caption = image?.caption ?? figcaption ?? meta("og:image:alt") ?? "";
  if (url === null && caption === "") return null;
  let credit = image?.credit ?? "";
  let shown = caption;
  const split = parseCaptionLine(caption);
  if (split !== null) {
    shown = split.caption;
    if (credit === "") credit = split.credit;
  }
  return url === null ? { caption: shown, credit } : { url, caption: shown, credit };
}
