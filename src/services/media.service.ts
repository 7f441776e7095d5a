import { createHash } from "node:crypto";
import type { Metadata } from "sharp";
import { z } from "zod";
import type { Actor } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Media } from "../core/media.ts";
import { slugify } from "../core/slug.ts";
import type { MediaStorage } from "../media/media-storage.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { parseInput } from "./validation.ts";

const IMAGE_TYPES: Record<string, { mime: string; ext: string }> = {
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
  webp: { mime: "image/webp", ext: "webp" },
  avif: { mime: "image/avif", ext: "avif" },
  heif: { mime: "image/avif", ext: "avif" },
  gif: { mime: "image/gif", ext: "gif" },
};

export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

const imageMetaSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  alt: z.string().max(500).default(""),
  caption: z.string().max(2000).default(""),
  credit: z.string().max(300).default(""),
});

export type ImageUpload = z.input<typeof imageMetaSchema> & { bytes: Uint8Array };

export function createMediaService(deps: ServiceDeps & { storage: MediaStorage }) {
  const { db, repos, storage, clock } = deps;
  return {
    /** Media newest first (for the library), continuing below `beforeId`. */
    list: (page: { beforeId: number | null; limit: number }) => repos.media.list(db, page),

    /** Stores an image (deduplicated by content) and records its dimensions. */
    /** Stores an upload; `at` replays a recorded upload time (the Warta JSON import). */
    async storeImage(upload: ImageUpload, _actor: Actor, options: { at?: Date } = {}): Promise<Media> {
      const meta = parseInput(imageMetaSchema, upload);
      if (upload.bytes.byteLength > MAX_IMAGE_BYTES)
        throw new AppError("payload_too_large", "Berkas gambar terlalu besar (maksimal 25 MB).");
      let info: Metadata;
      try {
        // Loaded on first upload: libvips is ~20 MB resident that a reading-only process never needs.
        const { default: sharp } = await import("sharp");
        info = await sharp(upload.bytes).metadata();
      } catch {
        throw new AppError("validation_failed", "Berkas bukan gambar yang bisa dibaca.", {
          details: [{ field: "file", message: "Format gambar tidak dikenali." }],
        });
      }
      const type = info.format ? IMAGE_TYPES[info.format] : undefined;
      if (!type || !info.width || !info.height)
        throw new AppError("validation_failed", "Format gambar tidak didukung.", {
          details: [{ field: "file", message: "Gunakan JPEG, PNG, WebP, AVIF atau GIF." }],
        });
      const now = options.at ?? clock();
      const hash = createHash("sha256").update(upload.bytes).digest("hex").slice(0, 10);
      const base = slugify(meta.fileName.replace(/\.[^.]+$/, ""), 60) || "gambar";
      const file = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${base}-${hash}.${type.ext}`;
      const existing = await repos.media.byFile(db, file);
      if (existing) return existing;
      await storage.put(file, upload.bytes);
      const media = {
        file,
        mimeType: type.mime,
        width: info.width,
        height: info.height,
        ...meta,
        createdAt: now,
      };
      const id = await repos.media.insert(db, media);
      return { id, ...media };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
