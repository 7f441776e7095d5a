import { open } from "node:fs/promises";
import type { Sharp, default as SharpFunction } from "sharp";
import { AppError } from "../core/errors.ts";
import { readEmbeddedMetadata, type EmbeddedMetadata } from "./embedded-metadata.ts";
import { SNIFF_BYTES, sniffImageType, type SniffedType } from "./image-sniff.ts";

/** Upload limits (docs/media.md). */
export const MEDIA_LIMITS = {
  /** Bytes of one upload. */
  maxBytes: 25 * 1024 * 1024,
  /** Decoded pixels (width × height): a small file that would decode to gigabytes is refused. */
  maxPixels: 60_000_000,
  /** Either side, in pixels. */
  maxSide: 12_000,
} as const;

export interface NormalizedImage {
  bytes: Buffer;
  /** Stored format: GIF (single frame) becomes PNG. */
  format: "jpeg" | "png" | "webp" | "avif";
  mimeType: string;
  ext: string;
  width: number;
  height: number;
  embedded: EmbeddedMetadata;
}

const OUTPUT: Record<SniffedType, { format: NormalizedImage["format"]; mime: string; ext: string }> = {
  jpeg: { format: "jpeg", mime: "image/jpeg", ext: "jpg" },
  png: { format: "png", mime: "image/png", ext: "png" },
  gif: { format: "png", mime: "image/png", ext: "png" },
  webp: { format: "webp", mime: "image/webp", ext: "webp" },
  avif: { format: "avif", mime: "image/avif", ext: "avif" },
};

const refuse = (message: string, detail: string) =>
  new AppError("validation_failed", message, { details: [{ field: "file", message: detail }] });

/** Enough of the file to find `<svg` after an XML prolog, a doctype or comments. */
const HEAD_BYTES = Math.max(SNIFF_BYTES, 1024);

async function head(source: Buffer | string): Promise<Uint8Array> {
  if (typeof source !== "string") return source.subarray(0, HEAD_BYTES);
  const handle = await open(source, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** An SVG document (possibly after a BOM, an XML prolog, a doctype or comments), by its text. */
function looksLikeSvg(start: Uint8Array): boolean {
  const text = Buffer.from(start)
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "");
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*<svg[\s>/]/i.test(text);
}

/** libvips is ~20 MB resident that a reading-only process never needs: loaded on first use. */
export async function loadSharp(): Promise<typeof SharpFunction> {
  const { default: sharp } = await import("sharp");
  return sharp;
}

/**
 * Checks an upload and makes the file that is stored: type from magic bytes, dimensions and
 * frame count from the header (before any decoding), then a full decode that applies the EXIF
 * orientation and writes the pixels without EXIF/GPS/IPTC/XMP. The embedded caption, creator,
 * credit and keywords are read first, to prefill the fields. Every refusal is a validation error
 * on `file` with an Indonesian message.
 */
export async function normalizeImage(source: Buffer | string, size: number): Promise<NormalizedImage> {
  if (size === 0) throw refuse("Berkas gambar kosong.", "Tidak ada isi berkas.");
  if (size > MEDIA_LIMITS.maxBytes)
    throw new AppError("payload_too_large", "Berkas gambar terlalu besar (maksimal 25 MB).", {
      details: [{ field: "file", message: "Maksimal 25 MB." }],
    });
  const start = await head(source);
  const type = sniffImageType(start);
  if (!type && looksLikeSvg(start))
    // Not rasterized: see docs/media.md ("Why SVG is refused").
    throw refuse(
      "Berkas SVG tidak diterima: simpan sebagai PNG atau JPEG, lalu unggah lagi.",
      "Berkas SVG tidak diterima: gambar vektor bisa memuat skrip dan tautan ke berkas lain. " +
        "Simpan sebagai PNG atau JPEG, lalu unggah lagi.",
    );
  if (!type)
    throw refuse(
      "Berkas bukan gambar yang didukung.",
      "Isi berkas bukan JPEG, PNG, WebP, AVIF atau GIF (SVG tidak diterima).",
    );
  const sharp = await loadSharp();
  const options = { limitInputPixels: MEDIA_LIMITS.maxPixels, failOn: "error" as const };
  let info: Awaited<ReturnType<Sharp["metadata"]>>;
  try {
    info = await sharp(source, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw refuse("Berkas gambar rusak atau tidak bisa dibaca.", "Kepala berkas tidak terbaca.");
  }
  const width = info.width ?? 0;
  const height = info.height ?? 0;
  if (width === 0 || height === 0)
    throw refuse("Berkas gambar rusak atau tidak bisa dibaca.", "Ukuran gambar tidak diketahui.");
  if (
    width * height > MEDIA_LIMITS.maxPixels ||
    width > MEDIA_LIMITS.maxSide ||
    height > MEDIA_LIMITS.maxSide
  )
    throw refuse(
      `Gambar terlalu besar: ${width} × ${height} piksel.`,
      `Maksimal ${MEDIA_LIMITS.maxSide} piksel per sisi dan ${MEDIA_LIMITS.maxPixels / 1_000_000} juta piksel.`,
    );
  if ((info.pages ?? 1) > 1)
    throw refuse(
      "Gambar animasi tidak didukung.",
      `Berkas berisi ${info.pages} bingkai; unggah satu gambar diam.`,
    );
  const embedded = readEmbeddedMetadata(info.iptc, info.xmp);
  const output = OUTPUT[type];
  try {
    // rotate() without an angle applies the EXIF orientation; no withMetadata(): nothing is kept.
    let pipeline = sharp(source, options).rotate();
    pipeline =
      output.format === "jpeg"
        ? pipeline.jpeg({ quality: 90, mozjpeg: true })
        : output.format === "png"
          ? pipeline.png()
          : output.format === "webp"
            ? pipeline.webp({ quality: 90 })
            : pipeline.avif({ quality: 70 });
    const { data, info: out } = await pipeline.toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      format: output.format,
      mimeType: output.mime,
      ext: output.ext,
      width: out.width,
      height: out.height,
      embedded,
    };
  } catch {
    throw refuse("Berkas gambar rusak atau terpotong.", "Gambar tidak bisa dibaca sampai habis.");
  }
}

/**
 * A file as this pipeline stores it (a Warta export's bytes): its type and size when it is a
 * supported single-frame image within the limits, upright, with no EXIF, IPTC or XMP; else null.
 */
export async function inspectStored(
  bytes: Buffer,
): Promise<{ mimeType: string; width: number; height: number } | null> {
  const type = sniffImageType(bytes.subarray(0, SNIFF_BYTES));
  if (!type || type === "gif" || bytes.byteLength > MEDIA_LIMITS.maxBytes) return null;
  const sharp = await loadSharp();
  try {
    const info = await sharp(bytes, { limitInputPixels: MEDIA_LIMITS.maxPixels }).metadata();
    const width = info.width ?? 0;
    const height = info.height ?? 0;
    if (width === 0 || height === 0 || width * height > MEDIA_LIMITS.maxPixels) return null;
    if ((info.pages ?? 1) > 1 || info.exif || info.iptc || info.xmp) return null;
    if (info.orientation !== undefined && info.orientation !== 1) return null;
    return { mimeType: OUTPUT[type].mime, width, height };
  } catch {
    return null;
  }
}
