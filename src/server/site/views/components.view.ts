import type { IndonesianTimeZone } from "../../../core/time-zones.ts";
import { formatHouseDateTime, formatIsoWithOffset } from "../../../core/house-date.ts";
import { html, type SafeHtml } from "../../../content/html.ts";
import { IMAGE_SIZES, pictureHtml } from "../../../content/picture.ts";
import type { ArticleListItem, Page } from "../../../db/read/reading.models.ts";
import { VERDICTS } from "../../../core/fact-check.ts";
import type { StoryLabel } from "../../../core/story-label.ts";
import { t } from "../messages.ts";
import { rt } from "../reader-messages.ts";

/** `<time datetime="2024-10-25T08:08:00+07:00">25 Oktober 2024, 08:08 WIB</time>` */
export function houseTime(instant: Date, timeZone: IndonesianTimeZone): SafeHtml {
  return html`<time datetime="${formatIsoWithOffset(instant, timeZone)}">${formatHouseDateTime(instant, timeZone)}</time>`;
}

/** Headline level of a list's items: 2 right under a page's h1, 3 under an h2 (no skipped levels). */
export type ItemLevel = 2 | 3;

/** A headline at level 2 or 3; the tag name is never taken from input. */
export function itemHeading(level: ItemLevel, content: SafeHtml): SafeHtml {
  return level === 2
    ? html`<h2 class="item-title">${content}</h2>`
    : html`<h3 class="item-title">${content}</h3>`;
}

/** A fact-check's verdict or "Langsung" for a live blog, before the headline (read with it). */
export function storyLabel(label: StoryLabel | null | undefined): SafeHtml {
  if (!label) return html``;
  if (label.kind === "verdict")
    return html`<span class="label label-${label.verdict}">${VERDICTS[label.verdict].label}</span> `;
  return label.open
    ? html`<span class="label label-live">${rt.liveLabel}</span> `
    : html`<span class="label label-closed">${rt.liveClosedLabel}</span> `;
}

export function listItem(item: ArticleListItem, extra?: SafeHtml, level: ItemLevel = 3): SafeHtml {
  const meta = html`<p class="meta"><span>${item.section.name}</span> ${houseTime(item.publishedAt, item.timeZone)}${extra ?? ""}</p>`;
  return html`<li>${itemHeading(level, html`${storyLabel(item.label)}<a href="${item.url}">${item.headline}</a>`)}${meta}</li>`;
}

export function articleList(items: readonly ArticleListItem[], level: ItemLevel = 3): SafeHtml {
  if (items.length === 0) return html`<p>${t.noArticles}</p>`;
  return html`<ul class="list">${items.map((item) => listItem(item, undefined, level))}</ul>`;
}

/** A decorative thumbnail linking to the article; the headline link carries the name. */
export function thumbnail(item: ArticleListItem, priority = false): SafeHtml {
  if (!item.image) return html``;
  const { url, width, height, ref } = item.image;
  // The front page's lead is the largest image above the fold; every other card is lazy.
  const picture = ref
    ? pictureHtml(ref, {
        crop: "hero",
        alt: "",
        sizes: priority ? IMAGE_SIZES.lead : IMAGE_SIZES.card,
        priority,
        lazy: !priority,
      })
    : html`<img src="${url}" width="${width}" height="${height}" alt="" ${priority ? html`fetchpriority="high"` : html`loading="lazy"`} decoding="async">`;
  return html`<a href="${item.url}" tabindex="-1" aria-hidden="true">${picture}</a>`;
}

export function card(item: ArticleListItem): SafeHtml {
  const meta = html`<p class="meta">${houseTime(item.publishedAt, item.timeZone)}</p>`;
  return html`<li class="card">${thumbnail(item)}<h3>${storyLabel(item.label)}<a href="${item.url}">${item.headline}</a></h3>${meta}</li>`;
}

export function latestAside(items: readonly ArticleListItem[]): SafeHtml {
  const title = html`<h2 class="aside-title" id="terbaru">${t.latest.toUpperCase()}</h2>`;
  return html`<aside class="latest" aria-labelledby="terbaru">${title}${articleList(items)}</aside>`;
}

/** Where an edge cache (Varnish) or the in-process cache puts a shared fragment (ESI 1.0). */
export function esiInclude(src: string): SafeHtml {
  return html`<esi:include src="${src}"/>`;
}

/** Prev/next links; `pageUrl(n)` builds the URL of page n. */
export function pagination(page: Page<unknown>, pageUrl: (n: number) => string): SafeHtml {
  if (page.pageCount <= 1) return html``;
  const previous =
    page.page > 1
      ? html`<a rel="prev" href="${pageUrl(page.page - 1)}">${t.previous}</a>`
      : html`<span></span>`;
  const next =
    page.page < page.pageCount
      ? html`<a rel="next" href="${pageUrl(page.page + 1)}">${t.next}</a>`
      : html`<span></span>`;
  return html`<nav class="pagination" aria-label="Halaman">${previous}<span>${t.pageOf(page.page, page.pageCount)}</span>${next}</nav>`;
}

/** `/path`, `/path?halaman=2`, …: the URL of page n of a list. */
export function pageUrlOf(base: string): (n: number) => string {
  return (n) => (n > 1 ? `${base}?halaman=${n}` : base);
}
