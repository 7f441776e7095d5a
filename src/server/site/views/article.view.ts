import { topicPath } from "../../../core/topic.ts";
import { formatHouseDateTime, formatIsoWithOffset } from "../../../core/house-date.ts";
import { sectionTrail } from "../../../core/section.ts";
import { sectionPath } from "../../../core/urls.ts";
import { renderBodyHtml } from "../../../content/body-html.renderer.ts";
import { html, jsonForScript, type SafeHtml } from "../../../content/html.ts";
import { IMAGE_SIZES, pictureHtml, picturePreload } from "../../../content/picture.ts";
import type { ArticlePageModel } from "../../../db/read/reading.models.ts";
import { t } from "../messages.ts";
import { rt } from "../reader-messages.ts";
import { houseTime, storyLabel } from "./components.view.ts";
import { factCheckBox } from "./fact-check.view.ts";
import { liveBlogView } from "./live-blog.view.ts";
import { relatedAside } from "./search.view.ts";

/** Each section from the root, with its URL. */
function trailLinks(model: ArticlePageModel): { name: string; url: string }[] {
  const trail = sectionTrail(model.path);
  return trail.map((section, index) => ({
    name: section.name,
    url: sectionPath({ section, ancestors: trail.slice(0, index) }),
  }));
}

/** Breadcrumb: Beranda › each section from the root. */
function breadcrumb(model: ArticlePageModel): SafeHtml {
  const items = trailLinks(model).map((link) => html`<li><a href="${link.url}">${link.name}</a></li>`);
  return html`<nav class="breadcrumb" aria-label="${t.breadcrumb}"><ol><li><a href="/">${t.home}</a></li>${items}</ol></nav>`;
}

export function breadcrumbJsonLd(model: ArticlePageModel, siteUrl: string): SafeHtml {
  const items = [{ name: t.home, url: "/" }, ...trailLinks(model)];
  const data = {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.name,
      item: siteUrl + item.url,
    })),
  };
  return html`<script type="application/ld+json">${jsonForScript(data)}</script>`;
}

function timeLine(model: ArticlePageModel): SafeHtml {
  const { article } = model;
  const zone = article.dateline.timeZone;
  const published = article.publishedAt as Date;
  const updatedAt = article.updatedAt;
  const updated =
    updatedAt && updatedAt.getTime() > published.getTime()
      ? html`<span class="updated">${t.updated} <time datetime="${formatIsoWithOffset(updatedAt, zone)}">${formatHouseDateTime(updatedAt, zone)}</time></span>`
      : "";
  return html`<p class="meta">${houseTime(published, zone)}${updated}<span>${t.readingTime(model.readingMinutes)}</span></p>`;
}

function hero(model: ArticlePageModel): SafeHtml {
  if (!model.hero) {
    // An imported photo that could not be stored: the caption and credit still show, no <img>.
    const text = model.heroText;
    if (!text || (!text.caption && !text.credit)) return html``;
    const credit = text.credit ? html` <span class="credit">(${t.photoSource}: ${text.credit})</span>` : "";
    return html`<figure class="hero"><figcaption>${text.caption}${credit}</figcaption></figure>`;
  }
  const { image, caption, credit } = model.hero;
  const creditText = credit ? html` <span class="credit">(${t.photoSource}: ${credit})</span>` : "";
  const alt = image.alt || caption;
  // The 16:9 crop around the focal point; the page's largest image: high priority, preloaded.
  const picture = image.ref
    ? pictureHtml(image.ref, { crop: "hero", alt, sizes: IMAGE_SIZES.article, priority: true })
    : html`<img src="${image.url}" width="${image.width}" height="${image.height}" alt="${alt}" fetchpriority="high" decoding="async">`;
  return html`<figure class="hero">${picture}<figcaption>${caption}${creditText}</figcaption></figure>`;
}

/** `<head>` preload of the hero's AVIF candidates, so the browser fetches it before the stylesheet settles. */
export function heroPreload(model: ArticlePageModel): SafeHtml {
  const ref = model.hero?.image.ref;
  return ref ? picturePreload(ref, "hero", IMAGE_SIZES.article) : html``;
}

function creditLine(model: ArticlePageModel): SafeHtml {
  if (model.credits.length === 0) return html``;
  const groups = model.credits.map((group) => {
    const people = group.people.map(
      (entry, index) => html`${index > 0 ? ", " : ""}<a href="${entry.url}">${entry.person.name}</a>`,
    );
    return html`<span><span class="role">${t.roles[group.role]}</span>: ${people}</span> `;
  });
  return html`<p class="credits">${groups}</p>`;
}

function sourceLine(model: ArticlePageModel): SafeHtml {
  const { sources } = model.article;
  if (sources.length === 0) return html``;
  const names = sources.map((source, index) => {
    const name = source.url ? html`<a href="${source.url}" rel="noopener">${source.name}</a>` : source.name;
    return html`${index > 0 ? ", " : ""}${name}`;
  });
  return html`<p class="sources"><span class="role">${t.source}</span>: ${names}</p>`;
}

/** "Topik: …" links to the Topik Pilihan the story belongs to. */
function topicLabels(model: ArticlePageModel): SafeHtml {
  const topics = model.topics ?? [];
  if (topics.length === 0) return html``;
  const links = topics.map(
    (topic, i) => html`${i > 0 ? ", " : ""}<a href="${topicPath(topic.slug)}">${topic.title}</a>`,
  );
  return html`<p class="topic-label">${rt.topicLabel}: ${links}</p>`;
}

function tagList(model: ArticlePageModel): SafeHtml {
  if (model.tags.length === 0) return html``;
  const items = model.tags.map(
    (entry) => html`<li><a href="${entry.url}" rel="tag">${entry.tag.name}</a></li>`,
  );
  return html`<nav class="tags" aria-label="${t.tags}"><ul>${items}</ul></nav>`;
}

/** Public corrections after the body: "Koreksi" (factual) or "Ralat" (errata), each with its time. */
function correctionNotes(model: ArticlePageModel): SafeHtml {
  const zone = model.article.dateline.timeZone;
  const notes = (model.corrections ?? []).map(
    (c) =>
      html`<aside class="correction" role="note"><p><strong>${c.kind === "ralat" ? t.erratum : t.correction}</strong> (<time datetime="${formatIsoWithOffset(c.at, zone)}">${formatHouseDateTime(c.at, zone)}</time>): ${c.note}</p></aside>`,
  );
  return html`${notes}`;
}

/**
 * The article page: every element of DESIGN.md §1, in its order. `terbaru` is the TERBARU aside,
 * inline or an edge-side include of the shared fragment (site-renderer.ts).
 */
export function articleView(model: ArticlePageModel, terbaru: SafeHtml): SafeHtml {
  const { article } = model;
  const dateline = article.dateline.place ? article.dateline : null;
  const body = renderBodyHtml(article.body, { related: model.related, media: model.media, dateline });
  return html`<div class="layout"><article class="article">
${breadcrumb(model)}
<p class="kicker"><a href="${sectionPath(model.path)}">${model.path.section.name}</a>${model.factCheck ? html` · <a href="/cek-fakta">${rt.factCheck}</a>` : ""}</p>
${topicLabels(model)}
<h1>${model.factCheck ? storyLabel({ kind: "verdict", verdict: model.factCheck.verdict }) : ""}${article.headline}</h1>
${timeLine(model)}
${article.lede ? html`<p class="lede">${article.lede}</p>` : ""}
${model.factCheck ? factCheckBox(model.factCheck) : ""}
${hero(model)}
${model.liveBlog ? liveBlogView(model.liveBlog, model.url, article.dateline.timeZone) : ""}
<div class="article-body">${body}</div>
${correctionNotes(model)}
${creditLine(model)}
${sourceLine(model)}
${tagList(model)}
${relatedAside(model.moreLikeThis ?? [])}
</article>
${terbaru}</div>`;
}
