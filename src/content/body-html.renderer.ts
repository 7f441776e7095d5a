import type { Dateline } from "../core/article.ts";
import type { MediaRef } from "../core/media.ts";
import { html, type SafeHtml } from "./html.ts";
import { IMAGE_SIZES, pictureHtml } from "./picture.ts";
import type { Block, BlockOf, BodyDocument, Inline } from "./body.schema.ts";

/** A live article a "Baca Juga" block may point at. */
export interface RelatedTarget {
  headline: string;
  url: string;
}

/**
 * An image as pages and feeds show it: `url` is one JPEG derivative (`width` × `height`, the
 * original's ratio); `ref`, when given, lets a page offer every format and width in a `<picture>`.
 * Feeds leave it out (one absolute URL, no `srcset`).
 */
export interface MediaView {
  url: string;
  width: number;
  height: number;
  alt: string;
  ref?: MediaRef;
}

export interface BodyRenderContext {
  /** Only live targets: a missing id renders nothing, never a broken link. */
  related: ReadonlyMap<number, RelatedTarget>;
  media: ReadonlyMap<number, MediaView>;
  /** Rendered as the bold lead-in of the first paragraph. */
  dateline?: Pick<Dateline, "place" | "outlet"> | null;
}

function renderInline(inline: Inline): SafeHtml {
  let out = html`${inline.text}`;
  for (const mark of inline.marks ?? []) {
    if (mark.type === "bold") out = html`<strong>${out}</strong>`;
    else if (mark.type === "italic") out = html`<em>${out}</em>`;
    else {
      const external = /^https?:/i.test(mark.href);
      out = external
        ? html`<a href="${mark.href}" rel="noopener">${out}</a>`
        : html`<a href="${mark.href}">${out}</a>`;
    }
  }
  return out;
}

const renderInlines = (content: readonly Inline[]): SafeHtml[] => content.map(renderInline);

export function datelineLeadIn(dateline: Pick<Dateline, "place" | "outlet">): string {
  const place = dateline.place.toUpperCase();
  return dateline.outlet ? `${place}, ${dateline.outlet}` : place;
}

function youtubeId(url: string): string | null {
  const match = /(?:v=|youtu\.be\/)([\w-]{6,})/.exec(url);
  return match?.[1] ?? null;
}

const EMBED_LABELS: Record<BlockOf<"embed">["provider"], string> = {
  youtube: "YouTube",
  x: "X",
  instagram: "Instagram",
  tiktok: "TikTok",
};

function renderEmbed(block: BlockOf<"embed">): SafeHtml {
  const title = block.title ?? `Konten ${EMBED_LABELS[block.provider]}`;
  const id = block.provider === "youtube" ? youtubeId(block.url) : null;
  const player = id
    ? html`<iframe src="https://www.youtube-nocookie.com/embed/${id}" title="${title}" loading="lazy" allowfullscreen></iframe>`
    : "";
  return html`<figure class="embed embed-${block.provider}">${player}<figcaption><a href="${block.url}" rel="noopener">${title}</a> (${EMBED_LABELS[block.provider]})</figcaption></figure>`;
}

function renderImage(block: BlockOf<"image">, media: MediaView): SafeHtml {
  const credit = block.credit ? html` <span class="credit">(Sumber: ${block.credit})</span>` : "";
  const caption =
    block.caption || block.credit ? html`<figcaption>${block.caption ?? ""}${credit}</figcaption>` : "";
  // Inline images sit below the lede: always lazy.
  const image = media.ref
    ? pictureHtml(media.ref, { crop: "w", alt: media.alt, sizes: IMAGE_SIZES.article, lazy: true })
    : html`<img src="${media.url}" width="${media.width}" height="${media.height}" alt="${media.alt}" loading="lazy" decoding="async">`;
  return html`<figure class="inline-image">${image}${caption}</figure>`;
}

function renderBlock(block: Block, context: BodyRenderContext): SafeHtml | null {
  switch (block.type) {
    case "paragraph":
      return html`<p>${renderInlines(block.content)}</p>`;
    case "heading":
      return block.level === 2
        ? html`<h2>${block.text}</h2>`
        : block.level === 3
          ? html`<h3>${block.text}</h3>`
          : html`<h4>${block.text}</h4>`;
    case "blockquote": {
      const attribution = block.attribution ? html`<footer>— ${block.attribution}</footer>` : "";
      return html`<blockquote><p>${renderInlines(block.content)}</p>${attribution}</blockquote>`;
    }
    case "list": {
      const items = block.items.map((item) => html`<li>${renderInlines(item)}</li>`);
      return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case "image": {
      const media = context.media.get(block.mediaId);
      return media ? renderImage(block, media) : null;
    }
    case "related": {
      const target = block.articleId === undefined ? undefined : context.related.get(block.articleId);
      if (!target) return null;
      return html`<aside class="baca-juga" aria-label="Baca juga"><strong>Baca Juga:</strong> <a href="${target.url}">${target.headline}</a></aside>`;
    }
    case "embed":
      return renderEmbed(block);
    case "pendingImage":
      return null; // not fetched yet: nothing rather than a broken image
  }
}

/** The body as HTML, with the dateline as the bold lead-in of the first paragraph. */
export function renderBodyHtml(body: BodyDocument, context: BodyRenderContext): SafeHtml {
  const parts: SafeHtml[] = [];
  let datelinePending = Boolean(context.dateline?.place);
  for (const block of body.blocks) {
    if (datelinePending && block.type === "paragraph" && context.dateline) {
      const leadIn = html`<strong class="dateline">${datelineLeadIn(context.dateline)}</strong>`;
      parts.push(html`<p>${leadIn} - ${renderInlines(block.content)}</p>`);
      datelinePending = false;
      continue;
    }
    const rendered = renderBlock(block, context);
    if (rendered) parts.push(rendered);
  }
  return html`${parts}`;
}

/** Ids of every article the body points at, for resolving "Baca Juga" blocks in one query. */
export function relatedIds(body: BodyDocument): number[] {
  const ids = new Set<number>();
  for (const block of body.blocks)
    if (block.type === "related" && block.articleId !== undefined) ids.add(block.articleId);
  return [...ids];
}

export function mediaIds(body: BodyDocument): number[] {
  const ids = new Set<number>();
  for (const block of body.blocks) if (block.type === "image") ids.add(block.mediaId);
  return [...ids];
}
