import type { FactCheck } from "../../../core/fact-check.ts";
import { html, type SafeHtml } from "../../../content/html.ts";
import { claimReviewJsonLd } from "../../../distribution/claim-review.builder.ts";
import type { SiteInfo } from "../../../distribution/distribution.models.ts";
import { jsonLdScript } from "../../../distribution/json-ld.builder.ts";
import type { ArticleListItem, ArticlePageModel, Page } from "../../../db/read/reading.models.ts";
import { t } from "../messages.ts";
import { rt } from "../reader-messages.ts";
import { houseTime, pageUrlOf, pagination, storyLabel } from "./components.view.ts";

/** The story's ClaimReview JSON-LD (beside its NewsArticle). */
export function claimReviewHead(model: ArticlePageModel, check: FactCheck, site: SiteInfo): SafeHtml {
  const { article } = model;
  return jsonLdScript(
    claimReviewJsonLd(
      check,
      {
        url: site.siteUrl + model.url,
        headline: article.headline,
        publishedAt: article.publishedAt ?? article.createdAt,
        timeZone: article.dateline.timeZone,
      },
      site,
    ),
  );
}

/** The claim, who made it, where it appeared and the verdict, above the story's text. */
export function factCheckBox(check: FactCheck): SafeHtml {
  const appearance = check.appearanceUrl
    ? html`<a href="${check.appearanceUrl}" rel="nofollow noopener">${check.appearance}</a>`
    : check.appearance;
  return html`<section class="fact-check" aria-labelledby="cek-fakta"><h2 id="cek-fakta">${rt.factCheckBox}</h2><dl>
<dt>${rt.claim}</dt><dd>“${check.claim}”</dd>
<dt>${rt.claimant}</dt><dd>${check.claimant}</dd>
<dt>${rt.appearance}</dt><dd>${appearance}</dd>
<dt>${rt.verdict}</dt><dd>${storyLabel({ kind: "verdict", verdict: check.verdict })}</dd>
</dl></section>`;
}

export interface FactCheckListModel {
  url: string;
  items: Page<ArticleListItem & { claim: string }>;
}

/** `/cek-fakta`: every live fact-check, newest first, each with its verdict and claim. */
export function factCheckListView(model: FactCheckListModel): SafeHtml {
  const items = model.items.items.map(
    (item) =>
      html`<li><h2 class="item-title">${storyLabel(item.label)}<a href="${item.url}">${item.headline}</a></h2><p class="snippet">${rt.claim}: “${item.claim}”</p><p class="meta"><span>${item.section.name}</span> ${houseTime(item.publishedAt, item.timeZone)}</p></li>`,
  );
  return html`<nav class="breadcrumb" aria-label="${t.breadcrumb}"><ol><li><a href="/">${t.home}</a></li></ol></nav>
<h1>${rt.factCheckTitle}</h1>
<p class="lede">${rt.factCheckDescription}</p>
${items.length === 0 ? html`<p>${t.noArticles}</p>` : html`<ul class="list">${items}</ul>`}
${pagination(model.items, pageUrlOf(model.url))}`;
}
