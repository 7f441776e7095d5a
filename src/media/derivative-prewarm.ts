import { ladderOf, MEDIA_FORMATS, SOCIAL_CARD, type DerivativeSpec, type Media } from "../core/media.ts";
import { DerivativeGone, type DerivativeMaker } from "./derivatives.ts";

/**
 * The derivatives made ahead of the first reader: the OpenGraph card, then the 16:9 hero ladder
 * (article heroes, every card and the front page's lead) in AVIF, WebP and JPEG, narrow widths
 * first. Inline `w` crops and thumbnails are made on first request.
 */
export function prewarmSpecs(media: Pick<Media, "width" | "height" | "focalX" | "focalY">): DerivativeSpec[] {
  const specs: DerivativeSpec[] = [{ crop: "social", width: SOCIAL_CARD.width, format: "jpg" }];
  for (const width of ladderOf(media, "hero"))
    for (const format of MEDIA_FORMATS) specs.push({ crop: "hero", width, format });
  return specs;
}

export interface DerivativePrewarm {
  /** Queues an image (by id); returns false when the queue is full (its derivatives come on first request). */
  enqueue(id: number): boolean;
  /** Images waiting or being worked on. */
  readonly pending: number;
  /** Resolves when the queue is empty and no encode runs (tests, shutdown). */
  settled(): Promise<void>;
  /** Drops the queue and waits for the encode in progress. */
  stop(): Promise<void>;
}

export interface PrewarmOptions {
  maker: DerivativeMaker;
  /** The image as it is now (null once deleted). */
  load(id: number): Promise<Media | null>;
  onError(error: unknown): void;
  /**
   * Whether this process makes the image's files (several nodes on shared storage: each node hears
   * `media.changed`, the one that claims the version in the store encodes). Absent: always.
   */
  claim?(media: Media): Promise<boolean>;
  /** Images that may wait; more are left to the first request (default 200). */
  maxQueued?: number;
}

/**
 * A background queue making `prewarmSpecs` for stored images, one encode at a time so readers'
 * requests keep the other core. It goes through the same `DerivativeMaker` as requests: a reader
 * asking for a derivative being made waits for that encode (single flight) and a kept file is
 * never made again. Nothing here is awaited by a request.
 */
export function createDerivativePrewarm(options: PrewarmOptions): DerivativePrewarm {
  const maxQueued = options.maxQueued ?? 200;
  const queue = new Set<number>();
  let running: Promise<void> | null = null;
  let current: number | null = null;
  let stopped = false;
  let waiters: Array<() => void> = [];

  async function work(id: number): Promise<void> {
    const media = await options.load(id);
    if (media === null) return;
    if (options.claim && !(await options.claim(media))) return;
    for (const spec of prewarmSpecs(media)) {
      if (stopped) return;
      // The image may have been deleted or changed meanwhile: make only what it still offers.
      const now = await options.load(id);
      if (
        now === null ||
        now.sha256 !== media.sha256 ||
        now.focalX !== media.focalX ||
        now.focalY !== media.focalY
      )
        return;
      const made = await options.maker.ensure(media, spec).catch((error: unknown) => {
        if (error instanceof DerivativeGone) return null;
        throw error;
      });
      if (made === null) return; // deleted or changed during the encode: its file is gone again
    }
  }

  async function drain(): Promise<void> {
    while (!stopped) {
      const [next] = queue;
      if (next === undefined) break;
      queue.delete(next);
      current = next;
      try {
        await work(next);
      } catch (error) {
        options.onError(error);
      }
      current = null;
    }
    running = null;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  }

  return {
    enqueue(id) {
      if (stopped) return false;
      if (!queue.has(id) && queue.size >= maxQueued) return false;
      queue.delete(id); // a changed image goes to the back (its new version is read when it is made)
      queue.add(id);
      running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
      return true;
    },
    get pending() {
      return queue.size + (current === null ? 0 : 1);
    },
    settled() {
      if (running === null) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    async stop() {
      stopped = true;
      queue.clear();
      await (running ?? Promise.resolve());
    },
  };
}
