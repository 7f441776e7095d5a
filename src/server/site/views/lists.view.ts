import { html, type SafeHtml } from "../../../content/html.ts";
import { IMAGE_SIZES, pictureHtml } from "../../../content/picture.ts";
import type {
  ArticleListItem,
  HomeModel,
  PersonPageModel,
  SectionPageModel,
  TagPageModel,
} from "../../../db/read/reading.models.ts";
import { t } from "../messages.ts";
import {
  articleList,
  card,
  houseTime,
  latestAside,
  listItem,
  pageUrlOf,
  pagination,
  storyLabel,
  thumbnail,
} from "./components.view.ts";

function leadStory(lead: ArticleListItem | null): SafeHtml {
  if (!lead) return html`<p>${t.noArticles}</p>`;
  return html`<section class="lead" aria-label="Berita utama">${thumbnail(lead, true)}<p class="kicker">${lead.section.name}</p><h2>${storyLabel(lead.label)}<a href="${lead.url}">${lead.headline}</a></h2>${lead.lede ? html`<p class="lede">${lead.lede}</p>` : ""}<p class="meta">${houseTime(lead.publishedAt, lead.timeZone)}</p></section>`;
}

/** The front page; `popular` is the Terpopuler aside (views/popular.view.ts), beside TERBARU. */
export function homeView(model: HomeModel, popular: SafeHtml = html``): SafeHtml {
  const blocks = model.sectionBlocks.map((block) => {
    const id = `rubrik-${block.section.slug}`;
    return html`<section class="section-block" aria-labelledby="${id}"><h2 id="${id}"><a href="${block.url}">${block.section.name}</a></h2><ul class="card-list">${block.items.map(card)}</ul></section>`;
  });
  return html`<h1 class="visually-hidden">${t.home}</h1><div class="layout"><div>
${leadStory(model.lead)}
${blocks}
</div>
<div class="side">${latestAside(model.latest)}${popular}</div></div>`;
}

export function sectionView(model: SectionPageModel, popular: SafeHtml = html``): SafeHtml {
  const { section, ancestors } = model.path;
  const crumbs = ancestors.map((ancestor, index) => {
    const url = `/${ancestors
      .slice(0, index + 1)
      .map((s) => s.slug)
      .join("/")}`;
    return html`<li><a href="${url}">${ancestor.name}</a></li>`;
  });
  const children =
    model.children.length > 0
      ? html`<nav class="children" aria-label="${t.subsections}"><ul>${model.children.map((c) => html`<li><a href="${c.url}">${c.section.name}</a></li>`)}</ul></nav>`
      : "";
  return html`<nav class="breadcrumb" aria-label="${t.breadcrumb}"><ol><li><a href="/">${t.home}</a></li>${crumbs}</ol></nav>
<h1>${section.name}</h1>
${section.description ? html`<p class="lede">${section.description}</p>` : ""}
${children}
${articleList(model.articles.items, 2)}
${pagination(model.articles, pageUrlOf(model.url))}
${popular}`;
}

export function tagView(model: TagPageModel): SafeHtml {
  return html`<h1>${t.articlesTagged(model.tag.name)}</h1>
${articleList(model.articles.items, 2)}
${pagination(model.articles, pageUrlOf(model.url))}`;
}

export function personView(model: PersonPageModel): SafeHtml {
  const { person, photo } = model;
  const portrait = photo
    ? photo.ref
      ? pictureHtml(photo.ref, { crop: "thumb", alt: person.name, sizes: IMAGE_SIZES.avatar, priority: true })
      : html`<img src="${photo.url}" width="${photo.width}" height="${photo.height}" alt="${person.name}">`
    : "";
  const items = model.articles.items.map((item) => {
    const roles = item.roles.map((role) => t.roles[role]).join(", ");
    return listItem(item, html` <span class="roles">${roles}</span>`);
  });
  return html`<div class="person-head">${portrait}<div><h1>${person.name}</h1>${person.bio ? html`<p>${person.bio}</p>` : ""}</div></div>
<h2>${t.articlesBy(person.name)}</h2>
${items.length === 0 ? html`<p>${t.noArticles}</p>` : html`<ul class="list">${items}</ul>`}
${pagination(model.articles, pageUrlOf(model.url))}`;
}

export function errorTitle(status: number): string {
  if (status === 503) return t.busyTitle;
  return status === 404 ? t.notFoundTitle : status >= 500 ? t.serverErrorTitle : t.badRequestTitle;
}

export function errorView(status: number): SafeHtml {
  const body =
    status === 503
      ? t.busyBody
      : status === 404
        ? t.notFoundBody
        : status >= 500
          ? t.serverErrorBody
          : t.badRequestBody;
  return html`<section class="error-page"><h1>${errorTitle(status)}</h1><p>${body}</p><p><a class="button" href="/">${t.backHome}</a></p></section>`;
}
