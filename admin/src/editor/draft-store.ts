import type { ArticleFields } from "../lib/types.ts";

/**
 * The local copy of an open story, so text survives a reload, a crash or a dropped network:
 * written a moment after every change, removed once the server has exactly that text.
 * Kept per user and story in localStorage (`warta.admin.draft.<userId>.<articleId|baru>`), with the
 * version and fields it was based on (for a three-way merge if the server moved on meanwhile).
 */
export interface LocalCopy {
  fields: ArticleFields;
  baseVersion: number | null;
  baseFields: ArticleFields | null;
  savedAt: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function draftKey(userId: number, articleId: number | null): string {
  return `warta.admin.draft.${userId}.${articleId ?? "baru"}`;
}

export function readLocalCopy(store: KeyValueStore, key: string): LocalCopy | null {
  try {
    const raw = store.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalCopy;
    return parsed && typeof parsed === "object" && parsed.fields ? parsed : null;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): the caller tells the user. */
export function writeLocalCopy(store: KeyValueStore, key: string, copy: LocalCopy): boolean {
  try {
    store.setItem(key, JSON.stringify(copy));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalCopy(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    /* nothing to remove */
  }
}
