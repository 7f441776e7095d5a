import { EMPTY_DRAFT, ENTRY_KINDS, type EntryDraft } from "./live-types.ts";

/**
 * The unsent entry of a live blog, kept in localStorage (`warta.admin.live.<userId>.<articleId>`)
 * on every change and removed once the server has it: a reload, a crash or a dropped network
 * loses nothing. Returns false when the browser refuses to keep it.
 */
const keyOf = (userId: number, articleId: number) => `warta.admin.live.${userId}.${articleId}`;

export function keepDraft(userId: number, articleId: number, draft: EntryDraft): boolean {
  try {
    if (isEmpty(draft)) localStorage.removeItem(keyOf(userId, articleId));
    else localStorage.setItem(keyOf(userId, articleId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function loadDraft(userId: number, articleId: number): EntryDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(userId, articleId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<EntryDraft>;
    const draft: EntryDraft = { ...EMPTY_DRAFT, ...parsed };
    return ENTRY_KINDS.includes(draft.kind) && !isEmpty(draft) ? draft : null;
  } catch {
    return null;
  }
}

export function dropDraft(userId: number, articleId: number): void {
  try {
    localStorage.removeItem(keyOf(userId, articleId));
  } catch {
    /* nothing kept */
  }
}

function isEmpty(draft: EntryDraft): boolean {
  return (
    draft.text.trim() === "" &&
    draft.attribution.trim() === "" &&
    draft.photo === null &&
    draft.embed === null &&
    draft.caption.trim() === "" &&
    draft.credit.trim() === ""
  );
}
