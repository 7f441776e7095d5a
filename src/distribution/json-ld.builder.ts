import type { CreditRole } from "../core/article.ts";
import { formatIsoWithOffset } from "../core/house-date.ts";
import { derivativeOf } from "../core/media.ts";
import { excerpt, renderBodyText } from "../content/body-text.renderer.ts";
import { html, jsonForScript, type SafeHtml } from "../content/html.ts";
import type { ArticlePageModel } from "../db/read/reading.models.ts";
import type { SiteInfo } from "./distribution.models.ts";

/** A published correction or clarification ("koreksi"/"ralat") shown under the article. */
export interface CorrectionInput {
  text: string;
  at: Date;
}

const absolute = (siteUrl: string, url: string): string => (/^https?:\/\//.test(url) ? url : siteUrl + url);

export function publisherJsonLd(site: SiteInfo) {
  return {
    "@type": "NewsMediaOrganization",
    name: site.siteName,
    url: `${site.siteUrl}/`,
    logo: {
      "@type": "ImageObject",
      url: site.logoUrl,
      width: site.logoWidth,
      height: site.logoHeight,
    },
  };
}

function people(model: ArticlePageModel, site: SiteInfo, roles: CreditRole[]) {
  return model.credits
    .filter((group) => roles.includes(group.role))
    .flatMap((group) =>
      group.people.map((entry) => ({
        "@type": "Person",
        name: entry.person.name,
        url: absolute(site.siteUrl, entry.url),
      })),
    );
}

/**
 * schema.org `NewsArticle` for the article page: the same data as the page (DESIGN.md §1), times
 * with the dateline zone's offset, people and sources linked.
 */
export function newsArticleJsonLd(
  model: ArticlePageModel,
  site: SiteInfo,
  options: { corrections?: readonly CorrectionInput[] } = {},
): Record<string, unknown> {
  const { article } = model;
  const zone = article.dateline.timeZone;
  const url = absolute(site.siteUrl, model.url);
  const published = article.publishedAt ?? article.createdAt;
  const modified =
    article.updatedAt && article.updatedAt.getTime() > published.getTime() ? article.updatedAt : published;
  const authors = people(model, site, ["penulis", "kontributor"]);
  const editors = people(model, site, ["editor"]);
  const photographers = people(model, site, ["fotografer"]);
  const corrections = options.corrections ?? [];
  const hero = model.hero;
  // The 16:9 crop around the focal point, as wide as offered (search engines want ≥ 1200 px).
  const heroImage = hero?.image.ref ? derivativeOf(hero.image.ref, "hero") : hero?.image;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": `${url}#artikel`,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    headline: article.headline,
    description: article.lede || excerpt(renderBodyText(article.body), 160),
    inLanguage: "id",
    datePublished: formatIsoWithOffset(published, zone),
    dateModified: formatIsoWithOffset(modified, zone),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(editors.length > 0 ? { editor: editors } : {}),
    ...(photographers.length > 0 ? { contributor: photographers } : {}),
    publisher: publisherJsonLd(site),
    ...(hero && heroImage
      ? {
          image: {
            "@type": "ImageObject",
            url: absolute(site.siteUrl, heroImage.url),
            contentUrl: absolute(site.siteUrl, heroImage.url),
            width: heroImage.width,
            height: heroImage.height,
            ...(hero.caption ? { caption: hero.caption } : {}),
            ...(hero.credit ? { creditText: hero.credit } : {}),
          },
        }
      : {}),
    articleSection: model.path.section.name,
    ...(model.tags.length > 0 ? { keywords: model.tags.map((t) => t.tag.name) } : {}),
    ...(article.sources.length > 0
      ? {
          isBasedOn: article.sources.map((s) => ({
            "@type": "CreativeWork",
            name: s.name,
            ...(s.url ? { url: s.url } : {}),
          })),
          sourceOrganization: article.sources.map((s) => ({
            "@type": "Organization",
            name: s.name,
            ...(s.url ? { url: s.url } : {}),
          })),
        }
      : {}),
    ...(article.dateline.place
      ? { contentLocation: { "@type": "Place", name: article.dateline.place } }
      : {}),
    ...(corrections.length > 0
      ? {
          correction: corrections.map((c) => ({
            "@type": "CorrectionComment",
            text: c.text,
            datePublished: formatIsoWithOffset(c.at, zone),
          })),
        }
      : {}),
    wordCount: model.wordCount,
    isAccessibleForFree: true,
  };
}

/** `WebSite` with a `SearchAction` for the home page (sitelinks search box). */
export function webSiteJsonLd(site: SiteInfo): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.siteName,
    url: `${site.siteUrl}/`,
    inLanguage: "id",
    publisher: publisherJsonLd(site),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${site.siteUrl}/cari?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

export function jsonLdScript(data: unknown): SafeHtml {
  return html`<script type="application/ld+json">
    ${jsonForScript(data)}
  </script>`;
}
