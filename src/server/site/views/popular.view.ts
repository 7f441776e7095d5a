import { html, type SafeHtml } from "../../../content/html.ts";
import type { PopularList } from "../../../services/reader/article-views.service.ts";
import { rt } from "../reader-messages.ts";
import { storyLabel } from "./components.view.ts";

/**
 * Terpopuler: the most read stories of the last 24 hours and 7 days, numbered. Nothing when no
 * story was read in either period (a new site).
 */
export function popularAside(lists: readonly PopularList[], sectionName: string | null): SafeHtml {
  const shown = lists.filter((list) => list.items.length > 0);
  if (shown.length === 0) return html``;
  const title = sectionName ? rt.popularIn(sectionName) : rt.popular;
  const parts = shown.map((list) => {
    const id = `terpopuler-${list.range}`;
    const items = list.items.map(
      (item) =>
        html`<li>${storyLabel(item.label)}<a href="${item.url}">${item.headline}</a> <span class="meta">${item.section.name}</span></li>`,
    );
    return html`<section aria-labelledby="${id}"><h3 id="${id}" class="popular-range">${rt.popularRanges[list.range]}</h3><ol class="popular-list">${items}</ol></section>`;
  });
  return html`<aside class="popular" aria-labelledby="terpopuler"><h2 class="aside-title" id="terpopuler">${title}</h2>${parts}</aside>`;
}
