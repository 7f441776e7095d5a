import { basename } from "node:path";
import type { Block } from "../../content/body.schema.ts";
import type { Actor } from "../../core/actor.ts";
import { isAppError } from "../../core/errors.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import { createImportRepository } from "../../db/repositories/import.repository.ts";
import {
  createRemoteImagesRepository,
  type RemoteImage,
} from "../../db/repositories/remote-images.repository.ts";
import type { RemoteFetchResult } from "./remote-image-fetch.ts";
import type { RunInTransaction, Services } from "../services.ts";
import { bodyOfBlocks, inputOfArticle } from "./import-mapping.ts";

export interface RemoteImagesDeps {
  db: Executor;
  /** A unit of work: the media row, the article's new body and the row's removal commit together. */
  run: RunInTransaction;
  clock: () => Date;
  /** This process in claims (several nodes: each row is fetched by one). */
  owner: string;
  /** The guarded download (remote-image-fetch.ts), with its address policy. */
  fetch: (url: string) => Promise<RemoteFetchResult>;
  actor: Actor;
  /** A claim older than this is taken over (its node died mid-fetch; default 5 min). */
  leaseMs?: number;
  /** Transient failures (network, 5xx) are tried this many times, backing off (default 3). */
  maxAttempts?: number;
}

export interface FetchRound {
  fetched: number;
  failed: number;
  /** Rows whose placeholder was gone (an editor removed it): dropped without fetching. */
  dropped: number;
}

const fileNameOf = (url: string): string => {
  const name = basename(new URL(url).pathname)
    .replace(/\.{2,}/g, ".")
    .replace(/[^\w.-]/g, "_");
  return (name || "gambar").slice(-100);
};

/** The body's placeholders for `url`, each replaced by an image block keeping caption and credit. */
function replacePlaceholders(blocks: Block[], url: string, mediaId: number): Block[] | null {
  let found = false;
  const replaced = blocks.map((block): Block => {
    if (block.type !== "pendingImage" || block.url !== url) return block;
    found = true;
    return {
      type: "image",
      mediaId,
      ...(block.caption ? { caption: block.caption } : {}),
      ...(block.credit ? { credit: block.credit } : {}),
    };
  });
  return found ? replaced : null;
}

const hasPlaceholder = (blocks: Block[], url: string) =>
  blocks.some((block) => block.type === "pendingImage" && block.url === url);

/**
 * Remote photos of imported pages (docs/import.md, "Remote images"): each is fetched through the
 * SSRF guard, stored through the upload pipeline (magic bytes, pixel limit, EXIF stripped,
 * derivatives, dedupe by hash) and put where its placeholder stands — the body's `pendingImage`
 * block, or the pending hero — in one unit of work. Until then readers see no image, never a
 * broken one. Failures are kept with their reason (`list`, `retry`; `warta import-images`).
 */
export function createRemoteImagesService(deps: RemoteImagesDeps) {
  const repo = createRemoteImagesRepository();
  const importRepo = createImportRepository();
  const leaseMs = deps.leaseMs ?? 300_000;
  const maxAttempts = deps.maxAttempts ?? 3;

  async function stillWanted(services: Services, image: RemoteImage): Promise<boolean> {
    const article = await services.articles.get(image.articleId).catch(() => null);
    if (!article) return false;
    if (image.role === "inline") return hasPlaceholder(article.body.blocks, image.url);
    const pending = await importRepo.pendingHero(services.db, image.articleId);
    return article.hero === null && pending?.url === image.url;
  }

  /** Stores the bytes and puts the photo in place; false when nothing waits for it any more. */
  async function place(image: RemoteImage, bytes: Buffer): Promise<boolean> {
    const { value } = await deps.run(async (services) => {
      if (!(await stillWanted(services, image))) return false;
      const article = await services.articles.get(image.articleId);
      const pendingHero =
        image.role === "hero" ? await importRepo.pendingHero(services.db, article.id) : null;
      const media = await services.media.storeImage(
        {
          bytes,
          fileName: fileNameOf(image.url),
          alt: image.alt,
          ...(pendingHero ? { caption: pendingHero.caption, credit: pendingHero.credit } : {}),
        },
        deps.actor,
      );
      if (media.duplicate && media.alt === "" && image.alt !== "")
        await services.media.update(media.id, { alt: image.alt }, deps.actor);
      const input = inputOfArticle(
        article,
        bodyOfBlocks(replacePlaceholders(article.body.blocks, image.url, media.id) ?? article.body.blocks),
      );
      if (pendingHero)
        input.hero = { mediaId: media.id, caption: pendingHero.caption, credit: pendingHero.credit };
      await services.articles.update(article.id, input, deps.actor, {
        expectedVersion: article.version,
        substantive: false,
      });
      if (pendingHero) await importRepo.setPendingHero(services.db, article.id, null, deps.clock());
      await repo.remove(services.db, image.id);
      return true;
    });
    return value;
  }

  async function fail(image: RemoteImage, error: string, permanent: boolean): Promise<void> {
    const attempt = image.attempts + 1;
    const retryAt =
      permanent || attempt >= maxAttempts ? null : new Date(deps.clock().getTime() + 60_000 * 2 ** attempt);
    await repo.fail(deps.db, image, error, retryAt);
  }

  async function fetchOne(image: RemoteImage, round: FetchRound): Promise<void> {
    const wanted = await deps.run((services) => stillWanted(services, image));
    if (!wanted.value) {
      await repo.remove(deps.db, image.id);
      round.dropped++;
      return;
    }
    const result = await deps.fetch(image.url);
    if (!result.ok) {
      await fail(image, result.error, result.permanent);
      round.failed++;
      return;
    }
    try {
      if (await place(image, result.bytes)) round.fetched++;
      else {
        await repo.remove(deps.db, image.id);
        round.dropped++;
      }
    } catch (error) {
      // The pipeline refused the file (damaged, too many pixels, animated): for good.
      if (!isAppError(error) || (error.code !== "validation_failed" && error.code !== "payload_too_large"))
        throw error;
      const details = error.details?.map((d) => d.message).join(" ") ?? "";
      await fail(image, `${error.message} ${details}`.trim(), true);
      round.failed++;
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<FetchRound> | null = null;

  const service = {
    /** Fetches up to `limit` due photos claimed by this process, one at a time. */
    runDue(limit = 10): Promise<FetchRound> {
      running ??= (async () => {
        const round: FetchRound = { fetched: 0, failed: 0, dropped: 0 };
        try {
          const now = deps.clock();
          const due = await repo.claimDue(deps.db, deps.owner, now, new Date(now.getTime() - leaseMs), limit);
          for (const image of due) await fetchOne(image, round);
          return round;
        } finally {
          running = null;
        }
      })();
      return running;
    },
    list: (status: "pending" | "failed" | null = null) => repo.list(deps.db, status),
    /** Failed photos (all, or those of `ids`) are fetched again on the next round. */
    retry: (ids: number[] | null = null) => repo.retry(deps.db, deps.clock(), ids),
    /** For a long-running node: a round every `everyMs` (errors reported, the loop goes on). */
    start(everyMs: number, onError: (error: unknown) => void): void {
      if (timer) return;
      timer = setInterval(() => {
        if (!running) service.runDue().catch(onError);
      }, everyMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
  return service;
}

export type RemoteImagesService = ReturnType<typeof createRemoteImagesService>;
