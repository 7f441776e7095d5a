export interface Media {
  id: number;
  /** Storage key of the original file: `originals/ab/<sha256>.jpg` (older uploads: `2024/10/name-hash.jpg`). */
  file: string;
  mimeType: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  createdAt: Date;
  /** SHA-256 of the uploaded bytes (hex); "" for files stored before migration 008. */
  sha256: string;
  byteSize: number;
  /** The focal point, percent of width and height from the left and top (0–100). */
  focalX: number;
  focalY: number;
  /** Creator (photographer) and keywords as read from the file's IPTC/XMP or set by an editor. */
  creator: string;
  keywords: string[];
}

/**
 * Derivatives (docs/media.md): one crop, one width, one format. `w` keeps the original's aspect
 * ratio; `hero` is 16:9, `thumb` 1:1, `social` the 1200×630 OpenGraph card (one width).
 */
export type MediaCrop = "w" | "hero" | "thumb" | "social";
export type MediaFormat = "avif" | "webp" | "jpg";

export const MEDIA_WIDTHS = [320, 640, 960, 1280, 1600] as const;
export const MEDIA_FORMATS: readonly MediaFormat[] = ["avif", "webp", "jpg"];
export const MEDIA_FORMAT_TYPES: Record<MediaFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpg: "image/jpeg",
};
export const SOCIAL_CARD = { width: 1200, height: 630 } as const;

/** Width ÷ height of a crop; null keeps the original's. */
const CROP_RATIO: Record<MediaCrop, number | null> = {
  w: null,
  hero: 16 / 9,
  thumb: 1,
  social: SOCIAL_CARD.width / SOCIAL_CARD.height,
};

export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

type Geometry = Pick<Media, "width" | "height" | "focalX" | "focalY">;

/**
 * The largest region of the original with the crop's aspect ratio, centred on the focal point as
 * far as the edges allow. Pure.
 */
export function cropBox(media: Geometry, crop: MediaCrop): CropBox {
  const ratio = CROP_RATIO[crop];
  if (ratio === null) return { left: 0, top: 0, width: media.width, height: media.height };
  let width = media.width;
  let height = Math.round(width / ratio);
  if (height > media.height) {
    height = media.height;
    width = Math.min(media.width, Math.round(height * ratio));
  }
  const centre = (focal: number, size: number, span: number) =>
    Math.min(Math.max(Math.round((focal / 100) * size - span / 2), 0), size - span);
  return {
    left: centre(media.focalX, media.width, width),
    top: centre(media.focalY, media.height, height),
    width,
    height,
  };
}

/**
 * The widths a crop is offered in: the ladder up to the crop's own width (never enlarged), or the
 * crop's width alone when it is narrower than the smallest step. `social` is always 1200.
 */
export function ladderOf(media: Geometry, crop: MediaCrop): number[] {
  if (crop === "social") return [SOCIAL_CARD.width];
  const available = cropBox(media, crop).width;
  const widths = MEDIA_WIDTHS.filter((w) => w <= available);
  return widths.length > 0 ? widths : [available];
}

/** Height of a derivative `width` wide. */
export function derivativeHeight(media: Geometry, crop: MediaCrop, width: number): number {
  if (crop === "social") return SOCIAL_CARD.height;
  const box = cropBox(media, crop);
  return Math.max(1, Math.round((box.height * width) / box.width));
}

/**
 * The version part of every derivative URL: the content hash and the focal point. A replaced file
 * or a moved focal point gives new URLs, so a URL's bytes never change (only whether it is served).
 */
export function mediaVersion(media: Pick<Media, "sha256" | "file" | "focalX" | "focalY">): string {
  const hash = media.sha256 || legacyHash(media.file);
  return `${hash.slice(0, 16)}-${media.focalX}-${media.focalY}`;
}

/** Files stored before migration 008 have no content hash: a stable stand-in from the key. */
function legacyHash(file: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < file.length; i++) {
    a = Math.imul(a ^ file.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ file.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

export interface DerivativeSpec {
  crop: MediaCrop;
  width: number;
  format: MediaFormat;
}

/** `/media/12/3f2a9c0b11aa4b7e-50-50/hero-960.avif` */
export function derivativePath(
  media: Pick<Media, "id" | "sha256" | "file" | "focalX" | "focalY">,
  spec: DerivativeSpec,
): string {
  return `/media/${media.id}/${mediaVersion(media)}/${spec.crop}-${spec.width}.${spec.format}`;
}

const DERIVATIVE_PATH =
  /^(\d{1,12})\/([0-9a-f]{16}-\d{1,3}-\d{1,3})\/(w|hero|thumb|social)-(\d{1,5})\.(avif|webp|jpg)$/;

/** Parses the part after `/media/`; null when it is not a derivative URL. */
export function parseDerivativePath(
  rest: string,
): { id: number; version: string; spec: DerivativeSpec } | null {
  const match = DERIVATIVE_PATH.exec(rest);
  if (!match) return null;
  return {
    id: Number(match[1]),
    version: match[2] as string,
    spec: {
      crop: match[3] as MediaCrop,
      width: Number(match[4]),
      format: match[5] as MediaFormat,
    },
  };
}

/** True when `spec` is one the media offers (a URL asking for anything else is a 404). */
export function offers(media: Geometry, spec: DerivativeSpec): boolean {
  return ladderOf(media, spec.crop).includes(spec.width);
}

/** What a page needs to point at an image's derivatives. */
export type MediaRef = Pick<Media, "id" | "sha256" | "file" | "width" | "height" | "focalX" | "focalY">;

export interface DerivativeLink {
  url: string;
  width: number;
  height: number;
}

/** One derivative: the widest offered up to `maxWidth` (the narrowest when none fits). */
export function derivativeOf(
  ref: MediaRef,
  crop: MediaCrop,
  maxWidth = Infinity,
  format: MediaFormat = "jpg",
): DerivativeLink {
  const ladder = ladderOf(ref, crop);
  const width = [...ladder].reverse().find((w) => w <= maxWidth) ?? (ladder[0] as number);
  return {
    url: derivativePath(ref, { crop, width, format }),
    width,
    height: derivativeHeight(ref, crop, width),
  };
}

/** `srcset` of a crop in one format: every offered width. */
export function srcsetOf(ref: MediaRef, crop: MediaCrop, format: MediaFormat): string {
  return ladderOf(ref, crop)
    .map((width) => `${derivativePath(ref, { crop, width, format })} ${width}w`)
    .join(", ");
}

/** The OpenGraph card (1200×630 JPEG, cropped around the focal point). */
export function socialCardOf(ref: MediaRef): DerivativeLink {
  return {
    url: derivativePath(ref, { crop: "social", width: SOCIAL_CARD.width, format: "jpg" }),
    ...SOCIAL_CARD,
  };
}
