/**
 * Reading, parsing and validating import files ahead of the import. In a run big enough to pay for
 * it, the work happens on worker threads (file-loader.worker.ts) while the main thread writes the
 * previous articles, so database writes never wait for a parser. Files come back in order.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { extractDocument } from "../../importers/analyze-page.ts";
import { readImportFile, type ImportFileOptions } from "../../importers/detect.ts";
import { validateExtracted, type ExtractedArticle } from "../../importers/extracted-article.ts";
import { ImportError, type ImportErrorCode } from "../../importers/import-error.ts";

/** One article of a file: valid, or why not. */
export type LoadedItem = { article: ExtractedArticle } | { error: Error };

export type LoadedFile =
  /** Warta JSON exports and JSON Lines: handed to their own importer as text. */
  | { format: "warta-json" | "jsonl"; text: string }
  /** A page (one item) or a feed (one per entry). */
  | { format: "html" | "page-text" | "rss" | "atom" | "wxr"; items: LoadedItem[] }
  /** The file as a whole failed (unreadable, too large, binary, invalid XML, …). */
  | { error: Error };

/** Reads, detects, parses and validates one file, in this thread. Never throws. */
export async function loadImportFile(file: string, options: ImportFileOptions = {}): Promise<LoadedFile> {
  try {
    const document = extractDocument(file, await readImportFile(file, options), options);
    if ("text" in document) return document;
    return {
      format: document.format,
      items: document.articles.map((article): LoadedItem => {
        try {
          return { article: validateExtracted(article) };
        } catch (error) {
          return { error: asError(error) };
        }
      }),
    };
  } catch (error) {
    return { error: asError(error) };
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** An error as it crosses threads (structured clone keeps neither the class nor `code`). */
export interface SentError {
  name: string;
  message: string;
  code?: ImportErrorCode;
}

export type SentFile =
  | { format: "warta-json" | "jsonl"; text: string }
  | {
      format: "html" | "page-text" | "rss" | "atom" | "wxr";
      items: ({ article: ExtractedArticle } | { error: SentError })[];
    }
  | { error: SentError };

function sendError(error: Error): SentError {
  return error instanceof ImportError
    ? { name: error.name, message: error.message, code: error.code }
    : { name: error.name, message: error.message };
}

function receiveError(sent: SentError): Error {
  if (sent.code) return new ImportError(sent.code, sent.message);
  const error = new Error(sent.message);
  error.name = sent.name;
  return error;
}

export function sendFile(loaded: LoadedFile): SentFile {
  if ("error" in loaded) return { error: sendError(loaded.error) };
  if ("text" in loaded) return loaded;
  return {
    format: loaded.format,
    items: loaded.items.map((item) => ("error" in item ? { error: sendError(item.error) } : item)),
  };
}

function receiveFile(sent: SentFile): LoadedFile {
  if ("error" in sent) return { error: receiveError(sent.error) };
  if ("text" in sent) return sent;
  return {
    format: sent.format,
    items: sent.items.map((item) => ("error" in item ? { error: receiveError(item.error) } : item)),
  };
}

export interface FileLoaderOptions extends ImportFileOptions {
  /** Worker threads; default: one per core but one (for the writes), up to 4; none for small runs. */
  workers?: number;
  /**
   * Time one file may take on a parser thread (default 30 s). Past it the thread is ended and
   * replaced, the file is reported with `ImportError("timeout")` and the batch goes on. Files
   * parsed in process (small runs) cannot be interrupted; every parser is linear-time and
   * size-limited instead.
   */
  fileTimeoutMs?: number;
}

const DEFAULT_FILE_TIMEOUT_MS = 30_000;

/** Below this many files a run parses in the main thread (starting a worker costs more). */
const WORKER_THRESHOLD = 32;
/** Files per message to a parser thread (a message per file cost the main thread ~50 µs each). */
const BATCH = 8;
/** Batches read and parsed ahead of the import, per parser thread. */
const AHEAD_PER_WORKER = 4;

export interface FileLoader {
  /** The files in order, each with what loading it gave. */
  [Symbol.asyncIterator](): AsyncIterator<{ file: string; loaded: LoadedFile }>;
  /** Stops the workers; call it when the run ends, early or not (they keep the process alive). */
  close(): Promise<void>;
}

function defaultWorkerCount(files: number): number {
  if (files < WORKER_THRESHOLD) return 0;
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

export function createFileLoader(files: string[], options: FileLoaderOptions = {}): FileLoader {
  const workers = options.workers ?? defaultWorkerCount(files.length);
  const limits: ImportFileOptions = options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes };
  const pool =
    workers > 0 ? createPool(workers, limits, options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS) : null;
  // In process: one file at a time, the next one read while the current one is imported.
  const batch = pool ? BATCH : 1;
  const load = pool
    ? pool.load
    : (some: string[]) => Promise.all(some.map((file) => loadImportFile(file, limits)));
  const ahead = pool ? workers * AHEAD_PER_WORKER : 1;
  // Started batches, in file order; the window keeps the workers (or the disk) busy ahead of the import.
  const started: Promise<LoadedFile[]>[] = [];
  let next = 0;
  const fill = (upTo: number): void => {
    for (; next <= upTo && next * batch < files.length; next++)
      started[next] = load(files.slice(next * batch, (next + 1) * batch));
  };
  return {
    async *[Symbol.asyncIterator]() {
      for (let index = 0; index * batch < files.length; index++) {
        fill(index + ahead);
        const loaded = await (started[index] as Promise<LoadedFile[]>);
        delete started[index];
        for (const [offset, one] of loaded.entries())
          yield { file: files[index * batch + offset] as string, loaded: one };
      }
    },
    close: async () => pool?.close(),
  };
}

/** A batch sent to a parser thread: its files, what came back so far, and where it stands. */
interface Pending {
  resolve: (loaded: LoadedFile[]) => void;
  worker: number;
  files: string[];
  results: (LoadedFile | undefined)[];
  /** Index of the first file without a result. */
  next: number;
}

/** Messages of a parser thread (file-loader.worker.ts): a file started, or its result. */
export type WorkerMessage =
  { id: number; index: number; started: true } | { id: number; index: number; sent: SentFile };

function timeoutError(file: string, ms: number): ImportError {
  return new ImportError(
    "timeout",
    `Waktu mengurai berkas habis setelah ${ms} ms; berkas dilewati dan impor berlanjut (parsing ${file.split("/").at(-1) ?? file} took longer than ${ms} ms; skipped).`,
  );
}

function createPool(size: number, limits: ImportFileOptions, fileTimeoutMs: number) {
  const waiting = new Map<number, Pending>();
  let nextId = 0;
  const stopped = new Set<number>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const replacing = new Set<Worker>();
  const threads: Worker[] = [];

  const finishIfDone = (id: number, entry: Pending): void => {
    while (entry.next < entry.files.length && entry.results[entry.next] !== undefined) entry.next++;
    if (entry.next < entry.files.length) return;
    waiting.delete(id);
    entry.resolve(entry.results as LoadedFile[]);
  };

  const clearTimer = (index: number): void => {
    clearTimeout(timers.get(index));
    timers.delete(index);
  };

  const send = (index: number, id: number, entry: Pending): void => {
    (threads[index] as Worker).postMessage({ id, files: entry.files.slice(entry.next), offset: entry.next });
  };

  // A file over its time: the thread is ended and replaced, the file is reported, and the thread's
  // other files go to the new thread.
  const timeOut = (index: number, id: number, fileIndex: number): void => {
    const entry = waiting.get(id);
    if (entry === undefined || entry.results[fileIndex] !== undefined) return;
    entry.results[fileIndex] = { error: timeoutError(entry.files[fileIndex] ?? "", fileTimeoutMs) };
    const old = threads[index] as Worker;
    replacing.add(old);
    void old.terminate();
    threads[index] = start(index);
    for (const [otherId, other] of waiting) {
      if (other.worker !== index) continue;
      finishIfDone(otherId, other);
      if (waiting.has(otherId)) send(index, otherId, other);
    }
  };

  const start = (index: number): Worker => {
    const worker = new Worker(new URL("./file-loader.worker.ts", import.meta.url), { workerData: limits });
    worker.on("message", (message: WorkerMessage) => {
      const entry = waiting.get(message.id);
      if (entry === undefined || threads[index] !== worker) return;
      clearTimer(index);
      if ("started" in message) {
        timers.set(
          index,
          setTimeout(() => timeOut(index, message.id, message.index), fileTimeoutMs),
        );
        return;
      }
      entry.results[message.index] ??= receiveFile(message.sent);
      finishIfDone(message.id, entry);
    });
    // A crashed worker fails the files it held (reported like any other failure); the files after
    // them are loaded in process.
    const fail = (reason: string): void => {
      if (replacing.has(worker)) return;
      stopped.add(index);
      clearTimer(index);
      for (const [id, entry] of waiting)
        if (entry.worker === index) {
          for (let i = entry.next; i < entry.files.length; i++)
            entry.results[i] ??= {
              error: new ImportError(
                "unreadable_file",
                `Utas pengurai berhenti; impor ulang berkas ini (${reason}; import this file again).`,
              ),
            };
          finishIfDone(id, entry);
        }
    };
    worker.on("error", (error) => fail(`parser thread failed: ${error.message}`));
    worker.on("exit", () => fail("parser thread stopped"));
    return worker;
  };
  for (let index = 0; index < size; index++) threads.push(start(index));

  return {
    load(files: string[]): Promise<LoadedFile[]> {
      const id = nextId++;
      const index = id % size;
      if (stopped.has(index)) return Promise.all(files.map((file) => loadImportFile(file, limits)));
      return new Promise((resolve) => {
        const entry: Pending = {
          resolve,
          worker: index,
          files,
          results: files.map(() => undefined),
          next: 0,
        };
        waiting.set(id, entry);
        send(index, id, entry);
      });
    },
    async close(): Promise<void> {
      for (const index of timers.keys()) clearTimer(index);
      await Promise.all(threads.map((worker) => worker.terminate()));
    },
  };
}
