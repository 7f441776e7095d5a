import { readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, resolve, sep } from "node:path";
import { ImportError } from "../../importers/import-error.ts";
import { MEDIA_LIMITS } from "../../media/image-intake.ts";

/** Where an imported item came from: image paths are read next to `file`, never outside `root`. */
export interface ImageOrigin {
  /** The imported file. */
  file?: string;
  /** The folder being imported (the directory argument, a glob's fixed part, else the file's folder). */
  root?: string;
}

/** What an image reference in an import points at. */
export type ImageSource =
  /** Bytes to store (a data: URL, or a file inside the imported folder). */
  | { kind: "bytes"; bytes: Buffer; fileName: string }
  /**
   * Not brought in: a remote URL (Warta fetches nothing at import time), or a file that is not
   * there. `url` is kept for the report (null for a data: URL that held no image).
   */
  | { kind: "unavailable"; url: string | null };

const DATA_URL = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)$/iu;
const SCHEME = /^[a-z][a-z0-9+.-]*:/iu;

const outside = (src: string, why: string): ImportError =>
  new ImportError(
    "unsafe_image_path",
    `Gambar "${src.slice(0, 200)}" ditolak: ${why}; hanya berkas di dalam folder yang diimpor yang dibaca ` +
      `(image path refused: only files inside the imported folder are read).`,
  );

const inside = (folder: string, path: string): boolean => path.startsWith(folder + sep);

/**
 * Resolves an image reference of an imported page. A `data:` URL gives its bytes; a relative
 * path is read from next to the imported file, only when the file — after following symlinks —
 * lies inside the folder being imported; a remote URL is not fetched (no network at import time).
 * An absolute path, a `file:` URL, `..` leading out of the folder or a symlink pointing out of it
 * is refused with `unsafe_image_path` (the whole item fails: nothing is written).
 */
export async function readImageSource(src: string, origin: ImageOrigin): Promise<ImageSource> {
  const data = DATA_URL.exec(src);
  if (data) {
    const ext = ((data[1] as string).split("/")[1] ?? "jpg").replace("jpeg", "jpg").replace(/\W.*$/u, "");
    const bytes = Buffer.from((data[2] as string).replace(/\s+/gu, ""), "base64");
    return { kind: "bytes", bytes, fileName: `gambar.${ext || "jpg"}` };
  }
  if (/^file:/iu.test(src)) throw outside(src, "URL file: tidak diizinkan");
  if (SCHEME.test(src) || src.startsWith("//")) return { kind: "unavailable", url: src };
  // A relative path (as written in the page: URL-encoded, `/` separated).
  let path: string;
  try {
    path = decodeURIComponent(src.split(/[?#]/u)[0] ?? "");
  } catch {
    return { kind: "unavailable", url: src };
  }
  path = path.replace(/\\/gu, "/");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/u.test(path)) throw outside(src, "nama berkas berisi karakter kendali");
  if (path.startsWith("/") || isAbsolute(path) || /^[a-z]:\//iu.test(path))
    throw outside(src, "jalur absolut tidak diizinkan");
  if (!origin.file) return { kind: "unavailable", url: src };
  const folder = resolve(origin.root ?? dirname(origin.file));
  const wanted = resolve(dirname(resolve(origin.file)), path);
  if (!inside(folder, wanted)) throw outside(src, "jalur keluar dari folder impor (../)");
  const real = await realpath(wanted).catch(() => null);
  if (real === null) return { kind: "unavailable", url: src };
  const realFolder = await realpath(folder).catch(() => folder);
  if (!inside(realFolder, real)) throw outside(src, "tautan simbolik menunjuk ke luar folder impor");
  const info = await stat(real).catch(() => null);
  if (!info?.isFile() || info.size > MEDIA_LIMITS.maxBytes) return { kind: "unavailable", url: src };
  const bytes = await readFile(real).catch(() => null);
  if (bytes === null) return { kind: "unavailable", url: src };
  // The name is informational only (never a stored path); the upload rules refuse `..` in it.
  const fileName = basename(real)
    .replace(/\.{2,}/gu, ".")
    .slice(-255);
  return { kind: "bytes", bytes, fileName };
}
