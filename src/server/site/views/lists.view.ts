import { html, type SafeHtml } from "../../../content/html.ts";
import type {
  HomeModel,
  PersonPageModel,
  SectionPageModel,
  TagPageModel,
} from "../../../services/reading.models.ts";
import { t } from "../messages.ts";
import { articleList, card, houseTime, latestAside, listItem, pagination } from "./components.view.ts";

export function homeView(model: HomeModel): SafeHtml {
  const lead = model.lead;
  return html`<h1 class="visually-hidden">${t.home}</h1>
    <div class="layout">
      <div>
        ${
          lead
            ? html`<section class="lead" aria-label="Berita utama">
                ${lead.image ? html`<a href="${lead.url}" tabindex="-1" aria-hidden="true"><img src="${lead.image.url}" width="${lead.image.width}" height="${lead.image.height}" alt="" fetchpriority="high" /></a>` : ""}
                <p class="kicker">${lead.section.name}</p>
                <h2><a href="${lead.url}">${lead.headline}</a></h2>
                <p class="lede">${lead.lede}</p>
                <p class="meta">${houseTime(lead.publishedAt, lead.timeZone)}</p>
              </section>`
            : html`<p>${t.noArticles}</p>`
        }
        ${model.sectionBlocks.map(
          (block) =>
            html`<section class="section-block" aria-labelledby="rubrik-${block.section.slug}">
              <h2 id="rubrik-${block.section.slug}"><a href="${block.url}">${block.section.name}</a></h2>
              <ul class="card-list">
                ${block.items.map(card)}
              </ul>
            </section>`,
        )}
      </div>
      ${latestAside(model.latest)}
    </div>`;
}

export function sectionView(model: SectionPageModel): SafeHtml {
  const { section } = model.path;
  return html`<div class="layout">
    <div>
      <nav class="breadcrumb" aria-label="${t.breadcrumb}">
        <ol>
          <li><a href="/">${t.home}</a></li>
          ${model.path.ancestors.map(
            (a, i) =>
              html`<li>
                <a
                  href="${
                    "/" +
                    model.path.ancestors
                      .slice(0, i + 1)
                      .map((s) => s.slug)
                      .join("/")
                  }"
                  >${a.name}</a
                >
              </li>`,
          )}
        </ol>
      </nav>
      <h1>${section.name}</h1>
      ${section.description ? html`<p class="lede">${section.description}</p>` : ""}
      ${
        model.children.length > 0
          ? html`<nav class="children" aria-label="${t.subsections}">
              <ul>
                ${model.children.map((c) => html`<li><a href="${c.url}">${c.section.name}</a></li>`)}
              </ul>
            </nav>`
          : ""
      }
      ${articleList(model.articles.items)}
      ${pagination(model.articles, (n) => (n > 1 ? `${model.url}?halaman=${n}` : model.url))}
    </div>
  </div>`;
}

export function tagView(model: TagPageModel): SafeHtml {
  return html`<h1>${t.articlesTagged(model.tag.name)}</h1>
    ${articleList(model.articles.items)}
    ${pagination(model.articles, (n) => (n > 1 ? `${model.url}?halaman=${n}` : model.url))}`;
}

export function personView(model: PersonPageModel): SafeHtml {
  const { person } = model;
  return html`<div class="person-head">
      ${model.photo ? html`<img src="${model.photo.url}" width="${model.photo.width}" height="${model.photo.height}" alt="${person.name}" />` : ""}
      <div>
        <h1>${person.name}</h1>
        ${person.bio ? html`<p>${person.bio}</p>` : ""}
      </div>
    </div>
    <h2>${t.articlesBy(person.name)}</h2>
    ${
      model.articles.items.length === 0
        ? html`<p>${t.noArticles}</p>`
        : html`<ul class="list">
            ${model.articles.items.map((item) => listItem(item, html` <span class="roles">${item.roles.map((r, i) => `${i > 0 ? ", " : ""}${t.roles[r]}`).join("")}</span>`))}
          </ul>`
    }
    ${pagination(model.articles, (n) => (n > 1 ? `${model.url}?halaman=${n}` : model.url))}`;
}

export function errorView(status: number): SafeHtml {
  const [title, body] =
    status === 404
      ? [t.notFoundTitle, t.notFoundBody]
      : status >= 500
        ? [t.serverErrorTitle, t.serverErrorBody]
        : [t.badRequestTitle, t.notFoundBody];
  return html`<section class="error-page">
    <h1>${title}</h1>
    <p>${body}</p>
    <p><a class="button" href="/">${t.backHome}</a></p>
  </section>`;
}

export function errorTitle(status: number): string {
  return status === 404 ? t.notFoundTitle : status >= 500 ? t.serverErrorTitle : t.badRequestTitle;
}
