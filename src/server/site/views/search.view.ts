import { html, type SafeHtml } from "../../../content/html.ts";
import type { FieldIssue } from "../../../core/errors.ts";
import type { Segment } from "../../../search/query/snippet.ts";
import type { SearchRequest } from "../../../search/query/search-params.ts";
import type { SearchResults } from "../../../search/search.service.ts";
import type { ArticleListItem } from "../../../db/read/reading.models.ts";
import { t } from "../messages.ts";
import { houseTime, listItem, pagination } from "./components.view.ts";

/** The search page's text (Indonesian first). */
export const SEARCH_TEXT = {
  title: "Cari berita",
  resultsFor: (q: string) => `Hasil pencarian "${q}"`,
  count: (n: number, exact = true) =>
    n === 0
      ? "Tidak ada berita yang cocok."
      : `${exact ? "" : "Lebih dari "}${n.toLocaleString("id-ID")} berita ditemukan.`,
  correctedTo: "Menampilkan hasil untuk",
  didYouMean: "Mungkin maksud Anda",
  relaxed:
    "Tidak ada berita yang memuat semua kata yang Anda cari. Berikut berita yang memuat sebagian besar kata itu.",
  partial: "Tidak memuat semua kata",
  query: "Kata kunci",
  section: "Rubrik",
  allSections: "Semua rubrik",
  from: "Dari tanggal",
  to: "Sampai tanggal",
  sort: "Urutkan",
  byRelevance: "Paling relevan",
  byDate: "Terbaru",
  submit: "Cari",
  filteredBy: "Disaring",
  clearFilters: "Hapus saringan",
  tips: [
    'Ketik kata dalam bentuk apa pun: "menegaskan" juga menemukan "tegas" dan "penegasan".',
    'Gunakan tanda kutip untuk frasa persis: "peringatan dini".',
    "Awali kata dengan tanda minus untuk mengecualikan: banjir -Jakarta.",
    "Singkatan umum dikenali: Korut, AS, Jokowi.",
  ],
  emptyQuery: "Tulis kata kunci untuk mencari berita.",
  noSearchableWords: "Kata kunci terlalu umum. Tambahkan kata yang lebih khas.",
  invalid: "Ada parameter pencarian yang tidak valid:",
  related: "Berita Terkait",
} as const;

export interface SectionOption {
  value: string;
  label: string;
}

export const marked = (segments: readonly Segment[]): SafeHtml =>
  html`${segments.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text))}`;

/** "Berita Terkait" at the end of a story; nothing when there is nothing related. */
export function relatedAside(items: readonly ArticleListItem[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<aside class="related-stories" aria-labelledby="berita-terkait">
    <h2 class="aside-title" id="berita-terkait">${SEARCH_TEXT.related.toUpperCase()}</h2>
    <ul class="list">
      ${items.map((item) => listItem(item))}
    </ul>
  </aside>`;
}

function form(request: Partial<SearchRequest>, sections: readonly SectionOption[]): SafeHtml {
  return html`<form class="search-page-form" action="/cari" method="get" role="search">
    <p>
      <label for="cari-q">${SEARCH_TEXT.query}</label>
      <input id="cari-q" name="q" type="search" value="${request.q ?? ""}" maxlength="200" />
    </p>
    <p>
      <label for="cari-rubrik">${SEARCH_TEXT.section}</label>
      <select id="cari-rubrik" name="rubrik">
        <option value="">${SEARCH_TEXT.allSections}</option>
        ${sections.map(
          (s) =>
            html`<option value="${s.value}" ${s.value === request.section ? html`selected` : ""}>${s.label}</option>`,
        )}
      </select>
    </p>
    <p>
      <label for="cari-dari">${SEARCH_TEXT.from}</label>
      <input id="cari-dari" name="dari" type="date" value="${request.from ?? ""}" />
      <label for="cari-sampai">${SEARCH_TEXT.to}</label>
      <input id="cari-sampai" name="sampai" type="date" value="${request.to ?? ""}" />
    </p>
    <p>
      <label for="cari-urut">${SEARCH_TEXT.sort}</label>
      <select id="cari-urut" name="urut">
        <option value="relevansi">${SEARCH_TEXT.byRelevance}</option>
        <option value="terbaru" ${request.sort === "date" ? html`selected` : ""}>${SEARCH_TEXT.byDate}</option>
      </select>
      ${request.tag ? html`<input type="hidden" name="tag" value="${request.tag}" />` : ""}
      ${request.person ? html`<input type="hidden" name="orang" value="${request.person}" />` : ""}
      <button type="submit">${SEARCH_TEXT.submit}</button>
    </p>
  </form>`;
}

const tips = () =>
  html`<ul class="search-tips">
    ${SEARCH_TEXT.tips.map((tip) => html`<li>${tip}</li>`)}
  </ul>`;

/** The URL of page `n` of the same search. */
export function searchUrl(request: SearchRequest, page: number): string {
  const params = new URLSearchParams({ q: request.q });
  if (request.section) params.set("rubrik", request.section);
  if (request.tag) params.set("tag", request.tag);
  if (request.person) params.set("orang", request.person);
  if (request.from) params.set("dari", request.from);
  if (request.to) params.set("sampai", request.to);
  if (request.sort === "date") params.set("urut", "terbaru");
  if (page > 1) params.set("halaman", String(page));
  return `/cari?${params.toString()}`;
}

export function searchView(results: SearchResults, sections: readonly SectionOption[]): SafeHtml {
  const { request } = results;
  const filters = [results.filters.section, results.filters.tag, results.filters.person].filter(Boolean);
  if (request.q.trim().length === 0)
    return html`<h1>${SEARCH_TEXT.title}</h1>
      ${form(request, sections)}
      <p>${SEARCH_TEXT.emptyQuery}</p>
      ${tips()}`;
  return html`<h1>${SEARCH_TEXT.resultsFor(request.q)}</h1>
    ${form(request, sections)}
    ${
      results.corrections.length > 0
        ? html`<p class="search-correction">
            ${SEARCH_TEXT.correctedTo}:
            ${results.corrections.map((c, i) => html`${i > 0 ? ", " : ""}<strong>${c.to}</strong>`)}
          </p>`
        : ""
    }
    ${
      results.suggestion
        ? html`<p class="search-suggestion">
            ${SEARCH_TEXT.didYouMean}:
            <a href="${searchUrl({ ...request, q: results.suggestion }, 1)}"><strong>${results.suggestion}</strong></a>?
          </p>`
        : ""
    }
    ${results.relaxed ? html`<p class="search-relaxed" role="note">${SEARCH_TEXT.relaxed}</p>` : ""}
    ${
      filters.length > 0
        ? html`<p class="search-filters">
            ${SEARCH_TEXT.filteredBy}: ${filters.join(", ")} ·
            <a href="${`/cari?${new URLSearchParams({ q: request.q }).toString()}`}">${SEARCH_TEXT.clearFilters}</a>
          </p>`
        : ""
    }
    <p class="search-count" role="status">
      ${results.empty ? SEARCH_TEXT.noSearchableWords : SEARCH_TEXT.count(results.total, results.totalExact)}
    </p>
    ${
      results.items.length > 0
        ? html`<ol class="list search-results">
            ${results.items.map(
              (item) =>
                html`<li>
                  <h2 class="item-title"><a href="${item.url}">${marked(item.headlineSegments)}</a></h2>
                  <p class="snippet">${marked(item.snippet)}</p>
                  <p class="meta">
                    <span>${item.section.name}</span> ${houseTime(item.publishedAt, item.timeZone)}
                    ${item.allWords ? "" : html`<span class="search-partial">${SEARCH_TEXT.partial}</span>`}
                  </p>
                </li>`,
            )}
          </ol>`
        : tips()
    }
    ${pagination(results, (n) => searchUrl(request, n))}`;
}

export function searchErrorView(
  request: Partial<SearchRequest>,
  issues: readonly FieldIssue[],
  sections: readonly SectionOption[],
): SafeHtml {
  return html`<h1>${SEARCH_TEXT.title}</h1>
    <div class="search-error" role="alert">
      <p>${SEARCH_TEXT.invalid}</p>
      <ul>
        ${issues.map((issue) => html`<li><strong>${issue.field}</strong>: ${issue.message}</li>`)}
      </ul>
    </div>
    ${form(request, sections)}
    <p><a href="/">${t.backHome}</a></p>`;
}
