import type { ArticleFields } from "../lib/types.ts";

/**
 * The local copy of an open story, so text survives a reload, a crash or a dropped network:
 * written a moment after every change, removed once the server has exactly that text. Kept per
 * user and story (`<userId>.<articleId|baru>`) with the version and fields it was based on (for a
 * three-way merge if the server moved on meanwhile).
 *
 * Stored in IndexedDB (database `warta-admin`, object store `drafts`): asynchronous, so a long
 * story never blocks typing, and with room for many stories. Where IndexedDB cannot be opened
 * (disabled, some private modes) the copy goes to localStorage under `warta.admin.draft.<key>`;
 * a copy found there (also from an older admin) is still offered back.
 */
export interface LocalCopy {
  fields: ArticleFields;
  baseVersion: number | null;
  baseFields: ArticleFields | null;
  savedAt: string;
}

export interface DraftStore {
  read(key: string): Promise<LocalCopy | null>;
  /** False when the browser refused (storage full or disabled): the caller tells the user. */
  write(key: string, copy: LocalCopy): Promise<boolean>;
  remove(key: string): Promise<void>;
}

/** The localStorage-like part of a browser the fallback needs. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function draftKey(userId: number, articleId: number | null): string {
  return `${userId}.${articleId ?? "baru"}`;
}

const DB_NAME = "warta-admin";
const STORE = "drafts";
const LEGACY_PREFIX = "warta.admin.draft.";

const isCopy = (value: unknown): value is LocalCopy =>
  typeof value === "object" && value !== null && "fields" in value && typeof value.fields === "object";

/** The fallback (and the place older copies were kept). */
export function keyValueDrafts(store: KeyValueStore | null): DraftStore {
  return {
    async read(key) {
      try {
        const raw = store?.getItem(LEGACY_PREFIX + key);
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        return isCopy(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    async write(key, copy) {
      try {
        if (!store) return false;
        store.setItem(LEGACY_PREFIX + key, JSON.stringify(copy));
        return true;
      } catch {
        return false;
      }
    },
    async remove(key) {
      try {
        store?.removeItem(LEGACY_PREFIX + key);
      } catch {
        /* nothing to remove */
      }
    },
  };
}

function request<T>(req: IDBRequest<T>, tx: IDBTransaction): Promise<T> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error);
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/**
 * Drafts in IndexedDB, falling back to `fallback` when the database cannot be used. Writes and
 * removals go through one connection, so they are applied in the order they were asked for
 * (IndexedDB runs overlapping read-write transactions in creation order).
 */
export function indexedDbDrafts(factory: IDBFactory | undefined, fallback: DraftStore): DraftStore {
  let opened: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    if (!factory) return Promise.reject(new Error("IndexedDB is not available"));
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("IndexedDB cannot be opened"));
    }).catch((error: unknown) => {
      opened = null;
      throw error;
    });
    return opened;
  };
  const run = async <T>(
    mode: IDBTransactionMode,
    op: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await open();
    const tx = db.transaction(STORE, mode);
    return request(op(tx.objectStore(STORE)), tx);
  };
  return {
    async read(key) {
      try {
        const found: unknown = await run("readonly", (s) => s.get(key));
        if (isCopy(found)) return found;
      } catch {
        /* unavailable: the fallback may hold it */
      }
      return fallback.read(key);
    },
    async write(key, copy) {
      try {
        await run("readwrite", (s) => s.put(copy, key));
        return true;
      } catch {
        return fallback.write(key, copy);
      }
    },
    async remove(key) {
      try {
        await run("readwrite", (s) => s.delete(key));
      } catch {
        /* unavailable: only the fallback can hold it */
      }
      await fallback.remove(key);
    },
  };
}

function browserLocalStorage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The admin's one draft store: IndexedDB, with localStorage behind it. */
export const drafts: DraftStore = indexedDbDrafts(
  typeof indexedDB === "undefined" ? undefined : indexedDB,
  keyValueDrafts(typeof window === "undefined" ? null : browserLocalStorage()),
);
