import { formatHouseDateTime, formatIsoWithOffset } from "../../../core/house-date.ts";
import { liveEntryAnchor, type LiveEntry } from "../../../core/live-blog.ts";
import type { IndonesianTimeZone } from "../../../core/time-zones.ts";
import { html, type SafeHtml } from "../../../content/html.ts";
import type { LiveBlogState as LiveBlogPageModel } from "../../../core/live-blog.ts";
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

/** One entry, as on the page and as sent to open pages: time, text or quote, correction note. */
export function liveEntryView(entry: LiveEntry, zone: IndonesianTimeZone): SafeHtml {
  const body =
    entry.kind === "quote"
      ? html`<blockquote>${paragraphs(entry.content.text)}${entry.content.attribution ? html`<footer>— ${entry.content.attribution}</footer>` : ""}</blockquote>`
      : paragraphs(entry.content.text);
  const correction = entry.correction
    ? html`<p class="live-correction"><strong>${rt.liveCorrection}:</strong> ${entry.correction}</p>`
    : "";
  return html`<li id="${liveEntryAnchor(entry.id)}" class="live-entry"><p class="live-time">${when(entry.publishedAt, zone)}</p>${body}${correction}</li>`;
}

/** The pinned Ringkasan's box (its content only; the container stays for open pages to fill). */
export function livePinnedView(entry: LiveEntry | null, zone: IndonesianTimeZone): SafeHtml {
  if (!entry) return html``;
  return html`<section class="live-summary" aria-labelledby="ringkasan"><h2 id="ringkasan">${rt.liveSummary}</h2><ul class="live-entries">${liveEntryView(entry, zone)}</ul></section>`;
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
<div data-live-pinned>${livePinnedView(model.pinned, zone)}</div>
<h2 id="kabar-terkini">${rt.liveEntries}</h2>
${model.entries.length === 0 ? html`<p data-live-empty>${rt.liveNoEntries}</p>` : ""}
<ol class="live-entries"${streamAttrs}>${stream.map((entry) => liveEntryView(entry, zone))}</ol>
</section>`;
}
