/**
 * Keeps the index in step with the store, in batches. An event only marks its article as changed;
 * the changed articles are re-read and written together shortly after (or at once when many are
 * waiting, or before anything reads the index), each as it is *then*: live → indexed, anything
 * else → removed. A burst of publishes (an import, a schedule run) thus costs one index write
 * transaction per batch instead of one per article, and a story published and unpublished within
 * the same batch is never indexed at all.
 *
 * Reads never see a stale index: every search flushes first. A batch is one index write
 * (`SearchIndex.writeBatch`: one transaction). The index is derived data: a batch
 * that fails is retried article by article, and an article that still fails is reported and left
 * for `warta reindex`.
 */
import type { SectionDirectory } from "../core/section.ts";
import { isBusyError } from "../db/dialects/sqlite-busy.ts";
import type { DocumentSource } from "./search-documents.ts";
import type { SearchIndex } from "./search-index.ts";

/** Written at once when this many articles are waiting. */
const BATCH = 250;
/** Otherwise written this long after the first change (well inside "searchable within a second"). */
const DELAY_MS = 50;
/** How long a batch keeps waiting for another process's write lock before it is reported. */
const BUSY_WAIT_MS = 60_000;

async function retryWhileBusy(work: () => Promise<void>, budgetMs: number): Promise<void> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusyError(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 * 2 ** attempt, 500)));
    }
  }
}

export interface IndexSyncDeps {
  clock: () => Date;
  index: SearchIndex;
  documents: DocumentSource;
  directory: () => Promise<SectionDirectory>;
  /** Reports an article that could not be indexed (defaults to stderr). */
  onError?: (error: unknown, articleId: number) => void;
  /** Delay before a batch is written (tests may set 0). */
  delayMs?: number;
}

export function createIndexSync(deps: IndexSyncDeps) {
  const { clock, index, documents } = deps;
  const delayMs = deps.delayMs ?? DELAY_MS;
  const onError =
    deps.onError ??
    ((error: unknown, articleId: number) =>
      console.error(`Search index: article ${articleId} could not be indexed:`, error));
  const changed = new Set<number>();
  let waiting: Array<() => void> = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  /** Writes the current state of `ids` (live → upsert, otherwise remove). */
  async function write(ids: number[]): Promise<void> {
    const now = clock();
    const docs = await documents.many(ids, now, await deps.directory());
    const live = new Set(docs.map((doc) => doc.id));
    await index.writeBatch({ upsert: docs, remove: ids.filter((id) => !live.has(id)) });
  }

  async function writeOrRetry(ids: number[]): Promise<void> {
    try {
      // Another process holding the write lock (an import, a reindex) only delays the batch.
      await retryWhileBusy(() => write(ids), BUSY_WAIT_MS);
    } catch {
      for (const id of ids) await write([id]).catch((error: unknown) => onError(error, id));
    }
  }

  /** Writes everything changed so far; resolves when it (and any batch already writing) is done. */
  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (changed.size > 0) {
      const ids = [...changed];
      const done = waiting;
      changed.clear();
      waiting = [];
      writing = writing
        .then(() => writeOrRetry(ids))
        .finally(() => {
          for (const resolve of done) resolve();
        });
    }
    return writing;
  }

  return {
    /** Marks an article as changed: it is re-read and written with the next batch. */
    changed(articleId: number): void {
      changed.add(articleId);
      if (changed.size >= BATCH) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), delayMs);
        timer.unref();
      }
    },
    flush,
    /**
     * Resolves once every change marked so far is written, by the batch that would write it anyway
     * (unlike flush, it does not hurry the batch): the outbox marks an event handled after this.
     */
    settled(): Promise<void> {
      if (changed.size === 0) return writing;
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
}
