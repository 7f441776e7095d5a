import { stat } from "node:fs/promises";
import { cropBox, derivativeHeight, mediaVersion, type DerivativeSpec, type Media } from "../core/media.ts";
import { loadSharp } from "./image-intake.ts";
import type { MediaStorage } from "./media-storage.ts";

type Source = Pick<Media, "file" | "sha256" | "width" | "height" | "focalX" | "focalY">;

/** Storage key of a derivative: `derivatives/3f/3f2a9c0b11aa4b7e-50-50/hero-960.avif`. */
export function derivativeKey(media: Source, spec: DerivativeSpec): string {
  const version = mediaVersion(media);
  return `derivatives/${version.slice(0, 2)}/${version}/${spec.crop}-${spec.width}.${spec.format}`;
}

/**
 * Removes the kept derivatives of an image's file from storage: every version of its content
 * hash (any focal point) except `keep` (the current version, when the image stays). Called when an
 * image is deleted, its file replaced or its focal point moved: those URLs answer 404 or redirect,
 * so their files would never be served again.
 */
export async function removeDerivatives(
  storage: MediaStorage,
  media: Pick<Media, "file" | "sha256" | "focalX" | "focalY">,
  keep: string | null = null,
): Promise<number> {
  const hash = mediaVersion(media).split("-")[0] as string;
  const folder = `derivatives/${hash.slice(0, 2)}`;
  let removed = 0;
  for (const version of await storage.list(folder))
    if (version.startsWith(`${hash}-`) && version !== keep) {
      await storage.removeFolder(`${folder}/${version}`);
      removed++;
    }
  return removed;
}

/** The image was deleted or changed while its derivative was being made: nothing is kept. */
export class DerivativeGone extends Error {
  constructor(key: string) {
    super(`Image changed or deleted while ${key} was being made`);
    this.name = "DerivativeGone";
  }
}

export interface DerivativeMaker {
  /**
   * The derivative's storage key, made from the original on first request and kept: later calls
   * find it on disk. Concurrent first calls for one derivative share one encode (single flight).
   */
  ensure(media: Source, spec: DerivativeSpec): Promise<string>;
  /** Encodes done by this process (tests and the benchmark count them). */
  readonly made: number;
}

export interface DerivativeMakerOptions {
  /**
   * Whether an image of this version (content hash and focal point) is still stored. Asked after
   * each encode is written: an image deleted, replaced or refocused while its derivative was being
   * encoded has already had its files removed, so the file just written is removed again.
   */
  stillStored?: (media: Source) => Promise<boolean>;
}

export function createDerivativeMaker(
  storage: MediaStorage,
  options: DerivativeMakerOptions = {},
): DerivativeMaker {
  const flights = new Map<string, Promise<string>>();
  let made = 0;

  async function exists(key: string): Promise<boolean> {
    const path = storage.localPath(key);
    if (path) return (await stat(path).catch(() => null))?.isFile() ?? false;
    return (await storage.get(key)) !== null;
  }

  async function make(media: Source, spec: DerivativeSpec, key: string): Promise<string> {
    if (await exists(key)) return key;
    const sharp = await loadSharp();
    const original = storage.localPath(media.file) ?? (await storage.get(media.file));
    if (original === null) throw new Error(`Original missing: ${media.file}`);
    const box = cropBox(media, spec.crop);
    const height = derivativeHeight(media, spec.crop, spec.width);
    // Resize the whole image first, then cut the crop out of it: libvips can then shrink a JPEG
    // while decoding it (shrink-on-load), several times faster than decoding it at full size.
    const scale = spec.width / box.width;
    const scaledWidth = Math.max(spec.width, Math.round(media.width * scale));
    const scaledHeight = Math.max(height, Math.round(media.height * scale));
    let pipeline = sharp(original, { failOn: "none" })
      .resize(scaledWidth, scaledHeight, { fit: "fill" })
      .extract({
        left: Math.min(Math.round(box.left * scale), scaledWidth - spec.width),
        top: Math.min(Math.round(box.top * scale), scaledHeight - height),
        width: spec.width,
        height,
      });
    pipeline =
      spec.format === "avif"
        ? pipeline.avif({ quality: 50, effort: 2 })
        : spec.format === "webp"
          ? pipeline.webp({ quality: 75, effort: 3 })
          : pipeline
              .flatten({ background: "#ffffff" })
              .jpeg({ quality: 78, mozjpeg: true, progressive: true });
    await storage.put(key, await pipeline.toBuffer());
    made++;
    // Written after the image's files were removed (its row goes first, then its files): remove it
    // too. Checked after the write, so a removal either ran after it or is seen here.
    if (options.stillStored && !(await options.stillStored(media))) {
      await storage.remove(key);
      throw new DerivativeGone(key);
    }
    return key;
  }

  return {
    ensure(media, spec) {
      const key = derivativeKey(media, spec);
      const running = flights.get(key);
      if (running) return running;
      const flight = make(media, spec, key).finally(() => flights.delete(key));
      flights.set(key, flight);
      return flight;
    },
    get made() {
      return made;
    },
  };
}
