import type { ExtractedImage } from "../extracted-article.ts";
import { parseCaptionLine } from "../page-text/page-text.header.ts";
import { collapseSpaces } from "../common/inline.ts";

/** Lazy-loading pages keep the real file in a data attribute and a 1×1 placeholder in `src`. */
const LAZY_ATTRIBUTES = ["data-src", "data-original", "data-lazy-src", "data-full-src"];
const PLACEHOLDER = /^data:image\/(gif|svg\+xml)[;,]/iu;
const CREDIT_LABEL = /^\s*(?:foto|sumber|kredit|credit|photo|dok\.?|dokumentasi)\s*:\s*/iu;
const CREDIT_ELEMENTS = '[class*="credit"], [class*="copyright"], [class*="source"], cite';

const text = (node: Element | null): string => collapseSpaces(node?.textContent ?? "").trim();

/**
 * Where an `<img>` points: `src`, or the lazy-load attribute when `src` is a placeholder. A
 * protocol-relative URL becomes https; a site path (`/foto/a.jpg`) is resolved against the page's
 * URL when it has one (a remote file); a relative path is kept as written (a file next to the page).
 */
export function imageSource(img: Element, baseUrl: string | null): string | null {
  let src = (img.getAttribute("src") ?? "").trim();
  if (src === "" || PLACEHOLDER.test(src))
    src = LAZY_ATTRIBUTES.map((name) => (img.getAttribute(name) ?? "").trim()).find((v) => v !== "") ?? src;
  if (src === "" || PLACEHOLDER.test(src)) return null;
  if (src.startsWith("//")) return `https:${src}`;
  if (/^\/(?!\/)/u.test(src) && baseUrl !== null && URL.canParse(src, baseUrl))
    return new URL(src, baseUrl).href;
  return src;
}

/** Caption and credit: a credit element inside the caption (or figure) first, else `(Foto: X)` at its end. */
function captionAndCredit(
  holder: Element | null,
  caption: Element | null,
): { caption: string; credit: string } {
  const creditElement =
    caption?.querySelector(CREDIT_ELEMENTS) ?? holder?.querySelector(CREDIT_ELEMENTS) ?? null;
  let credit = text(creditElement).replace(CREDIT_LABEL, "");
  let shown = text(caption);
  if (creditElement !== null && caption?.contains(creditElement))
    shown = collapseSpaces(shown.replace(text(creditElement), "")).trim();
  const split = parseCaptionLine(shown);
  if (split !== null) {
    shown = split.caption;
    if (credit === "") credit = split.credit;
  }
  return { caption: shown.slice(0, 2000), credit: credit.slice(0, 300) };
}

function imageOf(img: Element, holder: Element | null, caption: Element | null, baseUrl: string | null) {
  const src = imageSource(img, baseUrl);
  if (src === null) return null;
  const described = captionAndCredit(holder, caption);
  const image: ExtractedImage = {
    type: "image",
    src,
    alt: collapseSpaces(img.getAttribute("alt") ?? "")
      .trim()
      .slice(0, 500),
    ...described,
  };
  return image;
}

/**
 * The photo of a `<figure>` (or a WordPress `wp-caption` box): its first `<img>` (inside
 * `<picture>` too), the `<figcaption>`/`.wp-caption-text` as caption, the credit element or the
 * caption's `(Foto: …)` ending as credit. Null when the figure holds no image file.
 */
export function figureImage(figure: Element, baseUrl: string | null): ExtractedImage | null {
  const img = figure.querySelector("img");
  if (img === null) return null;
  // Without a <figcaption>, the figure's own text is its caption (WordPress `[caption]` shortcodes).
  const caption =
    figure.querySelector("figcaption, .wp-caption-text") ?? (text(figure) === "" ? null : figure);
  return imageOf(img, figure, caption, baseUrl);
}

/** Every `<img>` under `node` (a paragraph or loose inline markup), without captions. */
export function loneImages(node: Element, baseUrl: string | null): ExtractedImage[] {
  const images = node.tagName.toLowerCase() === "img" ? [node] : Array.from(node.querySelectorAll("img"));
  return images.flatMap((img) => imageOf(img, null, null, baseUrl) ?? []);
}

/** A `<div class="wp-caption">` (WordPress' figure before HTML5). */
export const isCaptionBox = (element: Element): boolean =>
  /(^|\s)wp-caption(\s|$)/u.test(element.getAttribute("class") ?? "");
