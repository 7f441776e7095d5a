import { derivativeOf, srcsetOf, type MediaCrop, type MediaRef } from "../core/media.ts";
import { html, type SafeHtml } from "./html.ts";

/** Layout widths of the places images sit (the stylesheet's columns), for `sizes`. */
export const IMAGE_SIZES = {
  /**
   * The article column (hero, inline images), also the front page's lead: the page is 72rem at
   * most with 1rem padding; from 60rem a 20rem aside and a 2rem gap sit beside it.
   */
  article: "(min-width: 72rem) 48rem, (min-width: 60rem) calc(100vw - 24rem), calc(100vw - 2rem)",
  lead: "(min-width: 72rem) 48rem, (min-width: 60rem) calc(100vw - 24rem), calc(100vw - 2rem)",
  /** Cards: two columns (1rem apart) of that column from 40rem. */
  card: "(min-width: 72rem) 24rem, (min-width: 60rem) calc(50vw - 12rem), (min-width: 40rem) calc(50vw - 1.5rem), calc(100vw - 2rem)",
  /** A profile photo: 6rem. */
  avatar: "6rem",
} as const;

export interface PictureOptions {
  crop: MediaCrop;
  alt: string;
  sizes: string;
  /** Above the fold and the page's largest image: `fetchpriority="high"`, never lazy. */
  priority?: boolean;
  /** Below the fold: `loading="lazy"`. */
  lazy?: boolean;
  className?: string;
}

/**
 * `<picture>` with AVIF and WebP sources and a JPEG fallback, each with `srcset` over the width
 * ladder and `sizes`; the `<img>` carries the crop's width and height (no layout shift).
 */
export function pictureHtml(ref: MediaRef, options: PictureOptions): SafeHtml {
  const { crop, sizes } = options;
  const fallback = derivativeOf(ref, crop, 960);
  const largest = derivativeOf(ref, crop);
  const loading = options.priority
    ? html` fetchpriority="high"`
    : options.lazy
      ? html` loading="lazy"`
      : html``;
  const className = options.className ? html` class="${options.className}"` : html``;
  return html`<picture${className}><source type="image/avif" srcset="${srcsetOf(ref, crop, "avif")}" sizes="${sizes}"><source type="image/webp" srcset="${srcsetOf(ref, crop, "webp")}" sizes="${sizes}"><img src="${fallback.url}" srcset="${srcsetOf(ref, crop, "jpg")}" sizes="${sizes}" width="${largest.width}" height="${largest.height}" alt="${options.alt}"${loading} decoding="async"></picture>`;
}

/** `<link rel="preload">` for a priority picture's AVIF candidates (browsers without AVIF skip it). */
export function picturePreload(ref: MediaRef, crop: MediaCrop, sizes: string): SafeHtml {
  return html`<link rel="preload" as="image" type="image/avif" imagesrcset="${srcsetOf(ref, crop, "avif")}" imagesizes="${sizes}" fetchpriority="high">`;
}
