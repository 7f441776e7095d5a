import { html, type SafeHtml } from "../../../content/html.ts";
import { topicPath, type Topic } from "../../../core/topic.ts";
import type { ArticleListItem } from "../../../db/read/reading.models.ts";
import type { TopicPageModel } from "../../../services/reader/topics.service.ts";
import { readerFeedPath } from "../../../services/reader/reader-feed.ts";
import { t } from "../messages.ts";
import { rt } from "../reader-messages.ts";
import { houseTime, pageUrlOf, pagination, storyLabel, thumbnail } from "./components.view.ts";
import { topicFeedBase } from "./reader-feeds.view.ts";

function breadcrumb(current: SafeHtml | null): SafeHtml {
  return html`<nav class="breadcrumb" aria-label="${t.breadcrumb}"><ol><li><a href="/">${t.home}</a></li>${current ? html`<li><a href="/topik">${rt.topics}</a></li>` : ""}</ol></nav>`;
}

/** One story of the timeline: its date first (the thread of the topic), then the headline. */
function timelineItem(item: ArticleListItem): SafeHtml {
  return html`<li><p class="timeline-date">${houseTime(item.publishedAt, item.timeZone)}</p><h3 class="item-title">${storyLabel(item.label)}<a href="${item.url}">${item.headline}</a></h3>${item.lede ? html`<p class="snippet">${item.lede}</p>` : ""}</li>`;
}

/** `/topik/{slug}`: title, introduction, the pinned story, then every story newest first. */
export function topicView(model: TopicPageModel): SafeHtml {
  const { topic, pinned, timeline } = model;
  const url = topicPath(topic.slug);
  const pinnedBlock = pinned
    ? html`<section class="topic-pinned" aria-labelledby="sorotan"><h2 id="sorotan">${rt.topicPinned}</h2>${thumbnail(pinned, true)}<h3 class="item-title">${storyLabel(pinned.label)}<a href="${pinned.url}">${pinned.headline}</a></h3>${pinned.lede ? html`<p class="lede">${pinned.lede}</p>` : ""}<p class="meta">${houseTime(pinned.publishedAt, pinned.timeZone)}</p></section>`
    : "";
  const items =
    timeline.items.length > 0
      ? html`<ol class="timeline">${timeline.items.map(timelineItem)}</ol>`
      : html`<p>${pinned ? "" : rt.topicEmpty}</p>`;
  return html`${breadcrumb(html`${topic.title}`)}
<p class="kicker">${rt.topics}</p>
<h1>${topic.title}</h1>
${topic.intro ? html`<p class="lede">${topic.intro}</p>` : ""}
<p class="follow"><a class="button" href="${readerFeedPath(topicFeedBase(topic.slug), "rss")}">${rt.topicFollow} (RSS)</a></p>
${pinnedBlock}
<section class="topic-timeline" aria-labelledby="perjalanan"><h2 id="perjalanan">${rt.topicTimeline}</h2>${items}</section>
${pagination(timeline, pageUrlOf(url))}`;
}

/** `/topik`: the topics with live stories, the most recently followed first. */
export function topicListView(topics: { topic: Topic; latest: Date }[]): SafeHtml {
  const items = topics.map(
    ({ topic, latest }) =>
      html`<li><h2 class="item-title"><a href="${topicPath(topic.slug)}">${topic.title}</a></h2>${topic.intro ? html`<p class="snippet">${topic.intro}</p>` : ""}<p class="meta">${rt.topicUpdated} ${houseTime(latest, "Asia/Jakarta")}</p></li>`,
  );
  return html`${breadcrumb(null)}
<h1>${rt.topics}</h1>
<p class="lede">${rt.topicsDescription}</p>
${items.length === 0 ? html`<p>${rt.topicsEmpty}</p>` : html`<ul class="list">${items}</ul>`}`;
}
