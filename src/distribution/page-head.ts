import { formatIsoWithOffset } from "../core/house-date.ts";
import { socialCardOf } from "../core/media.ts";
import { feedPath, type FeedScope } from "../core/urls.ts";
import { excerpt, renderBodyText } from "../content/body-text.renderer.ts";
import { html, type SafeHtml } from "../content/html.ts";
import type { ArticlePageModel } from "../db/read/reading.models.ts";
import type { SiteInfo } from "./distribution.models.ts";
import { jsonLdScript, newsArticleJsonLd, webSiteJsonLd, type CorrectionInput } from "./json-ld.builder.ts";

const absolute = (siteUrl: string, url: string): string => (/^https?:\/\//.test(url) ? url : siteUrl + url);

/** `<link rel="alternate">` to the RSS, Atom and JSON feeds of what the page shows. */
export function feedLinks(scope: FeedScope, title: string, site: SiteInfo): SafeHtml {
  return html`<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${site.siteUrl + feedPath(scope, "rss")}" />
    <link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${site.siteUrl + feedPath(scope, "atom")}" />
    <link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${site.siteUrl + feedPath(scope, "json")}" />`;
}

/** OpenGraph and Twitter card meta for a page that is not an article. */
export function websiteSocialMeta(
  site: SiteInfo,
  page: { title: string; description?: string; url: string },
): SafeHtml {
  return html`<meta property="og:type" content="website" />
    <meta property="og:site_name" content="${site.siteName}" />
    <meta property="og:locale" content="id_ID" />
    <meta property="og:title" content="${page.title}" />
    ${page.description ? html`<meta property="og:description" content="${page.description}" />` : ""}
    <meta property="og:url" content="${page.url}" />
    <meta property="og:image" content="${site.logoUrl}" />
    <meta name="twitter:card" content="summary" />
    <meta name="twitter:title" content="${page.title}" />`;
}

/** OpenGraph (`og:type` article) and Twitter `summary_large_image` for an article. */
export function articleSocialMeta(model: ArticlePageModel, site: SiteInfo, description: string): SafeHtml {
  const { article } = model;
  const zone = article.dateline.timeZone;
  const url = absolute(site.siteUrl, model.url);
  const published = article.publishedAt ?? article.createdAt;
  const modified =
    article.updatedAt && article.updatedAt.getTime() > published.getTime() ? article.updatedAt : published;
  const hero = model.hero;
  const imageAlt = hero ? hero.image.alt || hero.caption : "";
  // The 1200×630 card cropped around the focal point; a plain image when there is no reference.
  const card = hero ? (hero.image.ref ? socialCardOf(hero.image.ref) : hero.image) : null;
  return html`<meta property="og:type" content="article" />
    <meta property="og:site_name" content="${site.siteName}" />
    <meta property="og:locale" content="id_ID" />
    <meta property="og:title" content="${article.headline}" />
    <meta property="og:description" content="${description}" />
    <meta property="og:url" content="${url}" />
    ${
      card
        ? html`<meta property="og:image" content="${absolute(site.siteUrl, card.url)}" />
          <meta property="og:image:type" content="image/jpeg" />
          <meta property="og:image:width" content="${card.width}" />
          <meta property="og:image:height" content="${card.height}" />
          <meta property="og:image:alt" content="${imageAlt}" />`
        : html`<meta property="og:image" content="${site.logoUrl}" />`
    }
    <meta property="article:published_time" content="${formatIsoWithOffset(published, zone)}" />
    <meta property="article:modified_time" content="${formatIsoWithOffset(modified, zone)}" />
    <meta property="article:section" content="${model.path.section.name}" />
    ${model.tags.map((t) => html`<meta property="article:tag" content="${t.tag.name}" />`)}
    <meta name="twitter:card" content="${hero ? "summary_large_image" : "summary"}" />
    <meta name="twitter:title" content="${article.headline}" />
    <meta name="twitter:description" content="${description}" />
    ${
      card
        ? html`<meta name="twitter:image" content="${absolute(site.siteUrl, card.url)}" />
          <meta name="twitter:image:alt" content="${imageAlt}" />`
        : ""
    }`;
}

const CORRECTION_LABELS = { koreksi: "Koreksi", ralat: "Ralat" } as const;

/** The page's public corrections as JSON-LD input: `Koreksi: …` / `Ralat: …`, with their time. */
export function correctionsOf(model: Pick<ArticlePageModel, "corrections">): CorrectionInput[] {
  return (model.corrections ?? []).map((c) => ({
    text: `${CORRECTION_LABELS[c.kind] ?? "Koreksi"}: ${c.note}`,
    at: c.at,
  }));
}

/** The description shown in meta tags and JSON-LD: the lede, or the start of the body. */
export const articleDescription = (model: ArticlePageModel): string =>
  model.article.lede || excerpt(renderBodyText(model.article.body), 160);

/** Everything distribution adds to an article's `<head>`: JSON-LD, social cards, the section's feeds. */
export function articleHead(
  model: ArticlePageModel,
  site: SiteInfo,
  options: { corrections?: readonly CorrectionInput[] } = {},
): SafeHtml {
  const corrections = options.corrections ?? correctionsOf(model);
  return html`${jsonLdScript(newsArticleJsonLd(model, site, { corrections }))}
    ${articleSocialMeta(model, site, articleDescription(model))}
    ${feedLinks({ kind: "section", path: model.path }, model.path.section.name, site)}`;
}

/** The home page's `<head>` additions: `WebSite` + `SearchAction`, social cards, the site feeds. */
export function homeHead(site: SiteInfo): SafeHtml {
  return html`${jsonLdScript(webSiteJsonLd(site))}
    ${websiteSocialMeta(site, { title: site.siteName, description: site.description, url: `${site.siteUrl}/` })}
    ${feedLinks({ kind: "home" }, site.siteName, site)}`;
}

/** A list page's `<head>` additions (section, tag, person): its feeds and its social card. */
export function listHead(
  scope: FeedScope,
  site: SiteInfo,
  page: { title: string; description?: string; url: string },
): SafeHtml {
  return html`${feedLinks(scope, page.title, site)}
    ${websiteSocialMeta(site, { ...page, url: absolute(site.siteUrl, page.url) })}`;
}
