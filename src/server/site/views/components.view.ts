import type { IndonesianTimeZone } from "../../../core/time-zones.ts";
import { formatHouseDateTime, formatIsoWithOffset } from "../../../core/house-date.ts";
import { html, type SafeHtml } from "../../../content/html.ts";
import type { ArticleListItem, Page } from "../../../services/reading.models.ts";
import { t } from "../messages.ts";

/** `<time datetime="2024-10-25T08:08:00+07:00">25 Oktober 2024, 08:08 WIB</time>` */
export function houseTime(instant: Date, timeZone: IndonesianTimeZone): SafeHtml {
  return html`<time datetime="${formatIsoWithOffset(instant, timeZone)}"
    >${formatHouseDateTime(instant, timeZone)}</time
  >`;
}

export function listItem(item: ArticleListItem, extra?: SafeHtml): SafeHtml {
  return html`<li>
    <h3><a href="${item.url}">${item.headline}</a></h3>
    <p class="meta">
      <span>${item.section.name}</span> ${houseTime(item.publishedAt, item.timeZone)}${extra ?? ""}
    </p>
  </li>`;
}

export function articleList(items: readonly ArticleListItem[]): SafeHtml {
  return items.length === 0
    ? html`<p>${t.noArticles}</p>`
    : html`<ul class="list">
        ${items.map((item) => listItem(item))}
      </ul>`;
}

export function card(item: ArticleListItem): SafeHtml {
  return html`<li class="card">
    ${item.image ? html`<a href="${item.url}" tabindex="-1" aria-hidden="true"><img src="${item.image.url}" width="${item.image.width}" height="${item.image.height}" alt="" loading="lazy" decoding="async" /></a>` : ""}
    <h3><a href="${item.url}">${item.headline}</a></h3>
    <p class="meta">${houseTime(item.publishedAt, item.timeZone)}</p>
  </li>`;
}

export function latestAside(items: readonly ArticleListItem[]): SafeHtml {
  return html`<aside class="latest" aria-labelledby="terbaru">
    <h2 class="aside-title" id="terbaru">${t.latest.toUpperCase()}</h2>
    ${articleList(items)}
  </aside>`;
}

/** Prev/next links; `pageUrl(n)` builds the URL of page n. */
export function pagination(page: Page<unknown>, pageUrl: (n: number) => string): SafeHtml {
  if (page.pageCount <= 1) return html``;
  return html`<nav class="pagination" aria-label="Halaman">
    ${page.page > 1 ? html`<a rel="prev" href="${pageUrl(page.page - 1)}">${t.previous}</a>` : html`<span></span>`}<span>${t.pageOf(page.page, page.pageCount)}</span>${page.page < page.pageCount ? html`<a rel="next" href="${pageUrl(page.page + 1)}">${t.next}</a>` : html`<span></span>`}
  </nav>`;
}
