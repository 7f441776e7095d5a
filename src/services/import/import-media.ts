import type { Actor } from "../../core/actor.ts";
import { isAppError } from "../../core/errors.ts";
import type { Block } from "../../content/body.schema.ts";
import type { PendingHero } from "../../db/repositories/import.repository.ts";
import {
  isExtractedImage,
  type ExtractedArticle,
  type ExtractedBlock,
} from "../../importers/extracted-article.ts";
import type { Services } from "../services.ts";
import { readImageSource, type ImageOrigin, type ImageSource } from "./import-images.ts";

/** An imported article's photos, stored as media; what could not be brought in is listed. */
export interface ImportedMedia {
  hero: { mediaId: number; caption: string; credit: string } | null;
  /** A hero that could not be stored (remote URL, no file): shown as caption and credit only. */
  pendingHero: PendingHero | null;
  /** The body with every inline photo an `image` block pointing at its media row. */
  blocks: Block[];
  /** Inline photos not brought in (missing files, not images), as written in the page. */
  pendingImages: string[];
  /**
   * Photos at remote URLs, to be fetched in the background (remote-images.service.ts): inline ones
   * stand in the body as `pendingImage` blocks, a hero as the pending hero.
   */
  remoteImages: Array<{ role: "inline" | "hero"; url: string; alt: string }>;
}

/** The absolute http(s) URL of a remote photo (`//host/x.jpg` as https), or null. */
export function remoteUrlOf(source: ImageSource | null | undefined): string | null {
  if (source?.kind !== "unavailable" || source.url === null) return null;
  const url = source.url.startsWith("//") ? `https:${source.url}` : source.url;
  return /^https?:\/\//i.test(url) && url.length <= 2048 && URL.canParse(url) ? url : null;
}

const shown = (src: string): string => (src.startsWith("data:") ? `${src.slice(0, 30)}…` : src.slice(0, 300));

/**
 * Stores the hero and every inline photo of an extraction through the media service — the upload
 * pipeline: type by magic bytes, pixel limit, orientation applied and metadata stripped, stored
 * under its content hash; the same bytes again are the same media row. Every path is resolved
 * first (`readImageSource`), so an unsafe one fails the item before anything is written.
 */
export async function importMedia(
  services: Services,
  article: ExtractedArticle,
  origin: ImageOrigin,
  actor: Actor,
): Promise<ImportedMedia> {
  const heroUrl = article.hero?.url ?? null;
  const heroSource = heroUrl === null ? null : await readImageSource(heroUrl, origin);
  const sources = new Map<string, ImageSource>();
  for (const block of article.blocks)
    if (isExtractedImage(block) && !sources.has(block.src))
      sources.set(block.src, await readImageSource(block.src, origin));

  async function store(
    source: ImageSource | null | undefined,
    meta: { alt: string; caption: string; credit: string },
  ): Promise<number | null> {
    if (!source || source.kind !== "bytes") return null;
    try {
      const media = await services.media.storeImage(
        { bytes: source.bytes, fileName: source.fileName, ...meta },
        actor,
      );
      // The same photo seen before without alt text gets the page's.
      if (media.duplicate && media.alt === "" && meta.alt !== "")
        await services.media.update(media.id, { alt: meta.alt }, actor);
      return media.id;
    } catch (error) {
      // Not an image the pipeline accepts (type, size, pixels, frames, damage): listed as not
      // brought in. Anything else (the store) fails the item.
      if (isAppError(error) && (error.code === "validation_failed" || error.code === "payload_too_large"))
        return null;
      throw error;
    }
  }

  const remoteImages: ImportedMedia["remoteImages"] = [];
  let hero: ImportedMedia["hero"] = null;
  let pendingHero: PendingHero | null = null;
  if (article.hero) {
    const caption = article.hero.caption.slice(0, 2000);
    const credit = article.hero.credit.slice(0, 300);
    const mediaId = await store(heroSource, { alt: caption.slice(0, 500), caption, credit });
    if (mediaId !== null) hero = { mediaId, caption, credit };
    else {
      const remote = remoteUrlOf(heroSource);
      pendingHero = {
        url: remote ?? (heroUrl === null || heroUrl.startsWith("data:") ? null : heroUrl),
        caption,
        credit,
      };
      if (remote) remoteImages.push({ role: "hero", url: remote, alt: caption.slice(0, 500) });
    }
  }

  const blocks: Block[] = [];
  const pendingImages: string[] = [];
  const storedBySrc = new Map<string, number | null>();
  for (const block of article.blocks as ExtractedBlock[]) {
    if (!isExtractedImage(block)) {
      blocks.push(block);
      continue;
    }
    if (!storedBySrc.has(block.src))
      storedBySrc.set(
        block.src,
        await store(sources.get(block.src), { alt: block.alt, caption: block.caption, credit: block.credit }),
      );
    const mediaId = storedBySrc.get(block.src) ?? null;
    const remote = mediaId === null ? remoteUrlOf(sources.get(block.src)) : null;
    if (remote !== null) {
      // Fetched in the background; until then the placeholder shows nothing.
      if (remote !== pendingHero?.url) {
        blocks.push({
          type: "pendingImage",
          url: remote,
          ...(block.caption ? { caption: block.caption.slice(0, 2000) } : {}),
          ...(block.credit ? { credit: block.credit.slice(0, 300) } : {}),
        });
        if (!remoteImages.some((r) => r.role === "inline" && r.url === remote))
          remoteImages.push({ role: "inline", url: remote, alt: block.alt.slice(0, 500) });
      }
      continue;
    }
    if (mediaId === null) {
      pendingImages.push(shown(block.src));
      continue;
    }
    if (mediaId === hero?.mediaId) continue; // the hero repeated in the body
    blocks.push({
      type: "image",
      mediaId,
      ...(block.caption ? { caption: block.caption } : {}),
      ...(block.credit ? { credit: block.credit } : {}),
    });
  }
  return { hero, pendingHero, blocks, pendingImages, remoteImages };
}
