/** Raster formats an upload may be, decided by the file's first bytes (never its name or header). */
export type SniffedType = "jpeg" | "png" | "gif" | "webp" | "avif";

/** How many leading bytes `sniffImageType` needs. */
export const SNIFF_BYTES = 32;

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));

/**
 * The image type from magic bytes, or null (text, SVG, HTML, PDF, HEIC that is not AVIF, …). Pure.
 * AVIF: an ISO-BMFF `ftyp` box whose major or a compatible brand is `avif`/`avis`.
 */
export function sniffImageType(head: Uint8Array): SniffedType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.length >= 8 && ascii(head, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (head.length >= 6 && /^GIF8[79]a$/.test(ascii(head, 0, 6))) return "gif";
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "webp";
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp") {
    const boxSize = ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0);
    const end = Math.min(head.length, Math.max(boxSize, 16));
    for (let at = 8; at + 4 <= end; at += 4) {
      if (at === 12) continue; // minor version
      const brand = ascii(head, at, at + 4);
      if (brand === "avif" || brand === "avis") return "avif";
    }
  }
  return null;
}
