import { formatHouseDateTime, formatIsoWithOffset } from "../../../core/house-date.ts";
import { liveEntryAnchor, type LiveEntry } from "../../../core/live-blog.ts";
import type { IndonesianTimeZone } from "../../../core/time-zones.ts";
import { html, type SafeHtml } from "../../../content/html.ts";
import { renderBodyHtml, type MediaView } from "../../../content/body-html.renderer.ts";
import { BODY_VERSION, type Block } from "../../../content/body.schema.ts";
import type { LiveBlogPageModel } from "../../../db/read/reading.models.ts";
import { rt } from "../reader-messages.ts";

/** Where open pages of a live blog receive new entries (Server-Sent Events). */
export const liveStreamPath = (articleId: number): string => `/_langsung/${articleId}`;

function when(instant: Date, zone: IndonesianTimeZone): SafeHtml {
  return html`<time datetime="${formatIsoWithOffset(instant, zone)}">${formatHouseDateTime(instant, zone)}</time>`;
}

function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => html`<p>${p}</p>`);
}

const NO_RELATED = new Map();

/**
 * An image or embed entry's figure, through the article body's renderer: the same `<picture>`
 * (AVIF, WebP, JPEG over the width ladder, lazy), caption and credit as an image in a story, the
 * same embed card. An image whose media is gone shows its caption and credit only.
 */
function figure(entry: LiveEntry, media: MediaView | null): SafeHtml {
  const { image, embed } = entry.content;
  let block: Block | null = null;
  if (entry.kind === "image" && image) {
    if (!media) {
      const text = [image.caption, image.credit ? `(Sumber: ${image.credit})` : ""].filter(Boolean).join(" ");
      return text ? html`<p class="live-caption">${text}</p>` : html``;
    }
    block = {
      type: "image",
      mediaId: image.mediaId,
      ...(image.caption ? { caption: image.caption } : {}),
      ...(image.credit ? { credit: image.credit } : {}),
    };
  } else if (entry.kind === "embed" && embed) block = { type: "embed", ...embed };
  if (!block) return html``;
  const photos = new Map(media && image ? [[image.mediaId, media]] : []);
  return renderBodyHtml({ version: BODY_VERSION, blocks: [block] }, { related: NO_RELATED, media: photos });
}

/**
 * One entry, as on the page and as sent to open pages: time, text or quote, photo or embed,
 * correction note. `media` is the photo of an image entry.
 */
export function liveEntryView(
  entry: LiveEntry,
  zone: IndonesianTimeZone,
  media: MediaView | null = null,
): SafeHtml {
  const body =
    entry.kind === "quote"
      ? html`<blockquote>${paragraphs(entry.content.text)}${entry.content.attribution ? html`<footer>— ${entry.content.attribution}</footer>` : ""}</blockquote>`
      : html`${paragraphs(entry.content.text)}${figure(entry, media)}`;
  const correction = entry.correction
    ? html`<p class="live-correction"><strong>${rt.liveCorrection}:</strong> ${entry.correction}</p>`
    : "";
  return html`<li id="${liveEntryAnchor(entry.id)}" class="live-entry"><p class="live-time">${when(entry.publishedAt, zone)}</p>${body}${correction}</li>`;
}

/** The photo of an entry from the page's media (null for other kinds or a deleted image). */
export function entryMedia(entry: LiveEntry, media: ReadonlyMap<number, MediaView>): MediaView | null {
  const id = entry.content.image?.mediaId;
  return id === undefined ? null : (media.get(id) ?? null);
}

/** The pinned Ringkasan's box (its content only; the container stays for open pages to fill). */
export function livePinnedView(
  entry: LiveEntry | null,
  zone: IndonesianTimeZone,
  media: MediaView | null = null,
): SafeHtml {
  if (!entry) return html``;
  return html`<section class="live-summary" aria-labelledby="ringkasan"><h2 id="ringkasan">${rt.liveSummary}</h2><ul class="live-entries">${liveEntryView(entry, zone, media)}</ul></section>`;
}

/** Running ("…berlangsung", with a "Perbarui" link) or closed ("…telah berakhir pada …"). */
export function liveNoticeView(
  model: Pick<LiveBlogPageModel, "blog" | "open">,
  pageUrl: string,
  zone: IndonesianTimeZone,
): SafeHtml {
  if (!model.open && model.blog.coverageEnd)
    return html`<p class="live-notice live-notice-closed" data-live-notice>${rt.liveEnded} (${when(model.blog.coverageEnd, zone)}).</p>`;
  return html`<p class="live-notice" data-live-notice><span class="label label-live">${rt.liveLabel}</span> ${rt.liveNow}, ${rt.liveSince} ${when(model.blog.coverageStart, zone)}. <a class="button" href="${pageUrl}">${rt.liveRefresh}</a></p>`;
}

/**
 * The live blog on its story's page, complete without JavaScript: the notice, the Ringkasan, then
 * every entry newest first. With the script, open pages get new entries from `data-live-stream`.
 */
export function liveBlogView(model: LiveBlogPageModel, pageUrl: string, zone: IndonesianTimeZone): SafeHtml {
  const stream = model.entries.filter((entry) => !entry.pinned);
  const streamAttrs = model.open
    ? html` data-live-stream="${liveStreamPath(model.blog.articleId)}" data-live-new="${rt.liveNewEntry}"`
    : html``;
  return html`<section class="live-blog" aria-labelledby="kabar-terkini">
${liveNoticeView(model, pageUrl, zone)}
<p class="visually-hidden" data-live-status aria-live="polite"></p>
<div data-live-pinned>${livePinnedView(model.pinned, zone, model.pinned ? entryMedia(model.pinned, model.media) : null)}</div>
<h2 id="kabar-terkini">${rt.liveEntries}</h2>
${model.entries.length === 0 ? html`<p data-live-empty>${rt.liveNoEntries}</p>` : ""}
<ol class="live-entries"${streamAttrs}>${stream.map((entry) => liveEntryView(entry, zone, entryMedia(entry, model.media)))}</ol>
</section>`;
}
