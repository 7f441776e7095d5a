import { FIRST_INDEX_DAY } from "../../../core/index-day.ts";
import { html, type SafeHtml } from "../../../content/html.ts";
import type { IndexDayModel } from "../../../services/reader/index-pages.service.ts";
import { t } from "../messages.ts";
import { rt } from "../reader-messages.ts";
import { listItem } from "./components.view.ts";

export const indexDayPath = (day: string): string => `/indeks/${day}`;

/** A date picker that needs no JavaScript: a GET form the server redirects to the day's page. */
function datePicker(model: IndexDayModel): SafeHtml {
  return html`<form class="index-picker" action="/indeks" method="get"><label for="tanggal">${rt.pickDate}</label><input type="date" id="tanggal" name="tanggal" value="${model.day}" min="${FIRST_INDEX_DAY}" max="${model.today}" required><button class="button" type="submit">${rt.show}</button></form>`;
}

function dayNavigation(model: IndexDayModel): SafeHtml {
  const previous = model.previous
    ? html`<a rel="prev" href="${indexDayPath(model.previous)}">${rt.previousDay}</a>`
    : html`<span></span>`;
  const next = model.next
    ? html`<a rel="next" href="${indexDayPath(model.next)}">${rt.nextDay}</a>`
    : html`<span></span>`;
  return html`<nav class="pagination" aria-label="${rt.dayNav}">${previous}<span>${model.label}</span>${next}</nav>`;
}

export function indexDayView(model: IndexDayModel): SafeHtml {
  const groups = model.groups.map((group) => {
    const id = `indeks-${group.section.slug}`;
    return html`<section class="index-group" aria-labelledby="${id}"><h2 id="${id}"><a href="${group.url}">${group.section.name}</a></h2><ul class="list">${group.items.map((item) => listItem(item))}</ul></section>`;
  });
  return html`<nav class="breadcrumb" aria-label="${t.breadcrumb}"><ol><li><a href="/">${t.home}</a></li><li><a href="/indeks">${rt.index}</a></li></ol></nav>
<h1>${rt.indexTitle}</h1>
<p class="lede"><time datetime="${model.day}">${model.label}</time> · ${rt.indexCount(model.total)}</p>
${datePicker(model)}
${groups}
${dayNavigation(model)}`;
}
