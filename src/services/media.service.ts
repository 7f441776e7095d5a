import { createHash } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../core/actor.ts";
import { AppError } from "../core/errors.ts";
import { mediaVersion, type Media } from "../core/media.ts";
import type { MediaUsage } from "../db/repositories/media.repository.ts";
import { removeDerivatives } from "../media/derivatives.ts";
import { inspectStored, MEDIA_LIMITS, normalizeImage } from "../media/image-intake.ts";
import { isSafeMediaKey, originalKey, type MediaStorage } from "../media/media-storage.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { parseInput } from "./validation.ts";

export const MAX_IMAGE_BYTES = MEDIA_LIMITS.maxBytes;

const keywordsSchema = z.array(z.string().trim().min(1).max(100)).max(50);

const imageMetaSchema = z.object({
  /** The client's name for the file: informational only, never part of a stored path. */
  fileName: z
    .string()
    .trim()
    .max(255)
    .refine(
      (name) => !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32) && !name.includes(".."),
      { message: "Nama berkas tidak valid: tidak boleh berisi folder (/, \\, ..) atau karakter kendali." },
    )
    .optional(),
  alt: z.string().trim().max(500).optional(),
  caption: z.string().trim().max(2000).optional(),
  credit: z.string().trim().max(300).optional(),
  creator: z.string().trim().max(300).optional(),
  keywords: keywordsSchema.optional(),
  focalX: z.number().int().min(0).max(100).optional(),
  focalY: z.number().int().min(0).max(100).optional(),
});

const mediaFieldsSchema = z.object({
  alt: z.string().trim().max(500).optional(),
  caption: z.string().trim().max(2000).optional(),
  credit: z.string().trim().max(300).optional(),
  creator: z.string().trim().max(300).optional(),
  keywords: keywordsSchema.optional(),
  focalX: z.number().int().min(0).max(100).optional(),
  focalY: z.number().int().min(0).max(100).optional(),
});

/**
 * An upload: the bytes in memory (imports, demo content) or a file already streamed to disk by
 * the API (`path`, with the hash and size computed while it was written).
 */
export type ImageUpload = z.input<typeof imageMetaSchema> &
  ({ bytes: Uint8Array } | { path: string; sha256: string; size: number });

export type StoredImage = Media & { duplicate: boolean };

async function sourceOf(
  upload: ImageUpload,
): Promise<{ source: Buffer | string; sha256: string; size: number }> {
  if ("bytes" in upload) {
    const bytes = Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength);
    return {
      source: bytes,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.byteLength,
    };
  }
  return { source: upload.path, sha256: upload.sha256, size: upload.size };
}

export function createMediaService(deps: ServiceDeps & { storage: MediaStorage }) {
  const { db, repos, storage, clock, events } = deps;

  async function load(id: number): Promise<Media> {
    const media = await repos.media.byId(db, id);
    if (!media) throw new AppError("not_found", "Gambar tidak ditemukan.");
    return media;
  }

  /** Normalizes and stores the file under its content hash; the key and the stored facts. */
  async function storeFile(upload: ImageUpload) {
    const { source, sha256, size } = await sourceOf(upload);
    const image = await normalizeImage(source, size);
    const file = originalKey(sha256, image.ext);
    await storage.put(file, image.bytes);
    return { image, sha256, file };
  }

  const changed = (id: number) => events.publish({ type: "media.changed", id, at: clock() });

  /**
   * After a delete, a replaced file or a moved focal point, the files no row serves any more are
   * removed: the old original when no row stores it, and the derivatives of every version of the
   * old content but the current one. Nothing goes while another image has the same bytes.
   */
  async function removeUnused(old: Media, current: Media | null): Promise<void> {
    const sameBytes = old.sha256 === "" ? null : await repos.media.bySha256(db, old.sha256);
    const sameFile = await repos.media.byFile(db, old.file);
    if ([sameBytes, sameFile].some((other) => other !== null && other.id !== old.id)) return;
    if (sameFile === null) await storage.remove(old.file);
    const version = current ? mediaVersion(current) : null;
    const sameHash = version !== null && version.split("-")[0] === mediaVersion(old).split("-")[0];
    await removeDerivatives(storage, old, sameHash ? version : null);
  }

  return {
    /** Media newest first (for the library), continuing below `beforeId`; `query` searches the text fields. */
    list: (page: { beforeId: number | null; limit: number; query?: string }) => repos.media.list(db, page),

    get: load,

    /** The image stored under `file` (old `/media/{file}` URLs), or null. */
    byFile: (file: string) => repos.media.byFile(db, file),

    /** Articles and profiles using the image. */
    usage: async (id: number): Promise<MediaUsage> => {
      await load(id);
      return repos.media.usage(db, id);
    },

    /** Whether readers may fetch the image now (a live story or a public profile uses it). */
    isPublic: (id: number) => repos.media.isPublic(db, id, clock()),

    /**
     * Stores an image: checked and normalized (media/image-intake.ts), content-addressed by the
     * SHA-256 of the uploaded bytes. The same bytes uploaded again return the existing image
     * (`duplicate: true`). Empty fields are prefilled from the file's IPTC/XMP. `at` replays a
     * recorded upload time (the Warta JSON import).
     */
    async storeImage(upload: ImageUpload, _actor: Actor, options: { at?: Date } = {}): Promise<StoredImage> {
      const meta = parseInput(imageMetaSchema, upload);
      const { sha256 } = await sourceOf(upload);
      const existing = await repos.media.bySha256(db, sha256);
      if (existing) return { ...existing, duplicate: true };
      const { image, file } = await storeFile(upload);
      const already = await repos.media.byFile(db, file);
      if (already) return { ...already, duplicate: true };
      const embedded = image.embedded;
      const media: Omit<Media, "id"> = {
        file,
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
        alt: meta.alt ?? "",
        caption: meta.caption || embedded.caption,
        credit: meta.credit || embedded.credit,
        creator: meta.creator || embedded.creator,
        keywords: meta.keywords && meta.keywords.length > 0 ? meta.keywords : embedded.keywords,
        focalX: meta.focalX ?? 50,
        focalY: meta.focalY ?? 50,
        sha256,
        byteSize: image.bytes.byteLength,
        createdAt: options.at ?? clock(),
      };
      const id = await repos.media.insert(db, media);
      // Heard after the commit: the derivatives most pages need are made in the background.
      await changed(id);
      return { id, ...media, duplicate: false };
    },

    /**
     * Restores an image from a Warta export under its recorded key, byte for byte (a lossless
     * round trip), when the bytes are a clean image already (no EXIF/IPTC/XMP, upright) and the key
     * is a safe one; otherwise it goes through `storeImage` like any upload.
     */
    async restoreImage(
      record: Omit<Media, "id" | "createdAt" | "mimeType" | "width" | "height" | "byteSize"> & {
        bytes: Buffer;
      },
      actor: Actor,
      options: { at?: Date } = {},
    ): Promise<Media> {
      const clean = await inspectStored(record.bytes);
      if (!clean || !isSafeMediaKey(record.file) || (await repos.media.byFile(db, record.file)))
        return this.storeImage(
          {
            bytes: record.bytes,
            alt: record.alt,
            caption: record.caption,
            credit: record.credit,
            creator: record.creator,
            keywords: record.keywords,
            focalX: record.focalX,
            focalY: record.focalY,
          },
          actor,
          options,
        );
      await storage.put(record.file, record.bytes);
      const media: Omit<Media, "id"> = {
        file: record.file,
        mimeType: clean.mimeType,
        width: clean.width,
        height: clean.height,
        alt: record.alt,
        caption: record.caption,
        credit: record.credit,
        creator: record.creator,
        keywords: record.keywords,
        focalX: record.focalX,
        focalY: record.focalY,
        sha256: record.sha256,
        byteSize: record.bytes.byteLength,
        createdAt: options.at ?? clock(),
      };
      const id = await repos.media.insert(db, media);
      await changed(id);
      return { id, ...media };
    },

    /** Changes the description or the focal point (a moved focal point gives new derivative URLs). */
    async update(id: number, input: z.input<typeof mediaFieldsSchema>, _actor: Actor): Promise<Media> {
      const fields = parseInput(mediaFieldsSchema, input);
      const before = await load(id);
      const after: Media = {
        ...before,
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      };
      await repos.media.updateFields(db, id, after);
      if (after.focalX !== before.focalX || after.focalY !== before.focalY) await removeUnused(before, after);
      await changed(id);
      return after;
    },

    /** A new file for the same image: every article and profile using it shows the new one. */
    async replaceFile(id: number, upload: ImageUpload, _actor: Actor): Promise<Media> {
      const before = await load(id);
      const { image, sha256, file } = await storeFile(upload);
      const replaced = {
        file,
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
        sha256,
        byteSize: image.bytes.byteLength,
      };
      await repos.media.replaceFile(db, id, replaced);
      const after = { ...before, ...replaced };
      await removeUnused(before, after);
      await changed(id);
      return after;
    },

    /** Deletes an image no article or profile uses (else a conflict naming the users). */
    async remove(id: number, _actor: Actor): Promise<void> {
      const media = await load(id);
      const usage = await repos.media.usage(db, id);
      if (usage.articles.length > 0 || usage.people.length > 0)
        throw new AppError("conflict", "Gambar masih dipakai dan tidak bisa dihapus.", {
          details: [
            ...usage.articles.map((a) => ({
              field: "articles",
              message: `Dipakai artikel "${a.headline}" (id ${a.id}).`,
            })),
            ...usage.people.map((p) => ({ field: "people", message: `Foto profil ${p.name} (id ${p.id}).` })),
          ],
        });
      await repos.media.delete(db, id);
      await removeUnused(media, null);
      await changed(id);
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
