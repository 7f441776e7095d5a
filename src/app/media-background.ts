import { SYSTEM_ACTOR } from "../core/actor.ts";
import { mediaVersion } from "../core/media.ts";
import type { Executor } from "../db/repositories/executor.ts";
import { createPrewarmClaimsRepository } from "../db/repositories/prewarm-claims.repository.ts";
import type { MediaRepository } from "../db/repositories/media.repository.ts";
import { createDerivativePrewarm } from "../media/derivative-prewarm.ts";
import { createDerivativeMaker } from "../media/derivatives.ts";
import type { MediaStorage } from "../media/media-storage.ts";
import { fetchRemoteImage } from "../services/import/remote-image-fetch.ts";
import { createRemoteImagesService } from "../services/import/remote-images.service.ts";
import type { RunInTransaction } from "../services/services.ts";
import type { TargetPolicy } from "../services/webhooks/webhook-target.ts";

/** A prewarm claim older than this is taken over (its node died mid-way). */
const PREWARM_LEASE_MS = 30 * 60_000;

export interface MediaBackgroundOptions {
  db: Executor;
  media: MediaRepository;
  storage: MediaStorage;
  run: RunInTransaction;
  /** Real time (claims, leases and retries are about the machines, not the story clock). */
  clock: () => Date;
  /** This process, in claims: `nodeId/pid`. */
  owner: string;
  /** Which internal hosts an import's remote photos may come from (none by default). */
  fetchPolicy: TargetPolicy;
}

/**
 * The media work done besides requests: derivatives (made on request, kept), the prewarm queue
 * (claimed per image version in the store, so nodes on shared storage encode each file once) and
 * the fetcher of imports' remote photos (claimed per photo in the store).
 */
export function createMediaBackground(options: MediaBackgroundOptions) {
  const { db, media, clock, owner } = options;
  const claims = createPrewarmClaimsRepository();
  const derivatives = createDerivativeMaker(options.storage, {
    stillStored: (image) => media.versionStored(db, image),
  });
  const mediaPrewarm = createDerivativePrewarm({
    maker: derivatives,
    load: (id) => media.byId(db, id),
    onError: (error) => console.error("Making image derivatives in the background failed:", error),
    claim: async (image) => {
      const version = mediaVersion(image);
      const now = clock();
      const stale = new Date(now.getTime() - PREWARM_LEASE_MS);
      try {
        const mine = await claims.claim(db, image.id, version, owner, now, stale);
        if (mine) await claims.forgetOthers(db, image.id, version);
        return mine;
      } catch (error) {
        // Deleted since it was queued (the claim's foreign key): nothing to make.
        if ((await media.byId(db, image.id)) === null) return false;
        throw error;
      }
    },
  });
  const remoteImages = createRemoteImagesService({
    db,
    run: options.run,
    clock,
    owner,
    actor: SYSTEM_ACTOR,
    fetch: (url) => fetchRemoteImage(url, { policy: options.fetchPolicy }),
  });
  return { derivatives, mediaPrewarm, remoteImages };
}
