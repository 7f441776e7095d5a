import {
  useCallback,
  useEffect,
  useRef,
  type Dispatch,
  type MutableRefObject,
  type SetStateAction,
} from "react";
import { ApiError, api } from "../lib/api.ts";
import { sameJson } from "../lib/equal.ts";
import type { usePrefs } from "../lib/prefs.tsx";
import { moveInPlace } from "../lib/router.tsx";
import type { Article, ArticleFields } from "../lib/types.ts";
import { fieldsOf, payloadOf } from "./article-fields.ts";
import { draftKey, drafts, type LocalCopy } from "./draft-store.ts";
import type { SaveState } from "./editor-parts.tsx";
import { mergeFields, type MergeResult } from "./merge.ts";
import { createRetryQueue, isUnreachable, type RetryQueue } from "./save-retry.ts";

export interface Conflict {
  result: MergeResult;
  theirs: Article;
}

/** What the editor screen lends its save: the latest values (refs) and the setters. */
export interface SaveContext {
  t: ReturnType<typeof usePrefs>["t"];
  userId: number;
  fieldsRef: MutableRefObject<ArticleFields | null>;
  serverRef: MutableRefObject<Article | null>;
  idRef: MutableRefObject<number | null>;
  setServer(next: Article): void;
  setFields(next: ArticleFields): void;
  replaceFields(next: ArticleFields): void;
  setArticleId(id: number): void;
  setSaveState: Dispatch<SetStateAction<SaveState>>;
  setNotice(notice: string | null): void;
  setConflict(conflict: Conflict | null): void;
}

/** The local copy of what is on screen now, with the version it was based on. */
export function localCopyOf(fields: ArticleFields, server: Article | null): LocalCopy {
  return {
    fields,
    baseVersion: server?.version ?? null,
    baseFields: server ? fieldsOf(server) : null,
    savedAt: new Date().toISOString(),
  };
}

/**
 * Saving the story: one save at a time (a save asked for while another runs waits, then sends
 * what is newest), optimistic with If-Match; a 409 merges three ways (merge.ts) and saves again
 * or opens the side-by-side choice; a save that cannot reach the server is kept on this device
 * and owed to the retry queue (save-retry.ts), sent again with backoff and when the browser is
 * back online. A 401 on any of these asks for the password (lib/api.ts) and the same call goes on.
 */
export function useStorySave(context: SaveContext): () => Promise<boolean> {
  const ctx = useRef(context);
  ctx.current = context;
  const inflight = useRef<Promise<boolean> | null>(null);
  const saveAgain = useRef(false);
  const queue = useRef<RetryQueue | null>(null);

  const save = useCallback(async (): Promise<boolean> => {
    while (inflight.current) await inflight.current;
    const run = saveOnce(ctx.current, saveAgain, queue.current);
    inflight.current = run;
    try {
      let ok = await run;
      // A conflict merged without overlaps is saved straight away on top of their version.
      while (saveAgain.current) {
        saveAgain.current = false;
        ok = await saveOnce(ctx.current, saveAgain, queue.current);
      }
      return ok;
    } finally {
      if (inflight.current === run) inflight.current = null;
    }
  }, []);

  useEffect(() => {
    const retries = createRetryQueue({ send: save });
    queue.current = retries;
    const online = () => retries.online();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      retries.dispose();
      queue.current = null;
    };
  }, [save]);

  return save;
}

async function saveOnce(
  ctx: SaveContext,
  saveAgain: MutableRefObject<boolean>,
  queue: RetryQueue | null,
): Promise<boolean> {
  const { t } = ctx;
  const key = (id: number | null) => draftKey(ctx.userId, id);
  const snapshot = ctx.fieldsRef.current;
  const base = ctx.serverRef.current;
  if (!snapshot) return false;
  if (ctx.idRef.current !== null && base && sameJson(snapshot, fieldsOf(base))) {
    queue?.settled();
    ctx.setSaveState({ kind: "saved", at: new Date() });
    return true;
  }
  if (!snapshot.headline.trim() || snapshot.sectionId === null) {
    ctx.setSaveState({ kind: "error", message: t("needHeadlineSection") });
    return false;
  }
  ctx.setSaveState({ kind: "saving" });
  try {
    let saved: Article;
    if (ctx.idRef.current === null) {
      saved = await api.post<Article>("/articles", payloadOf(snapshot));
      void drafts.remove(key(null));
      ctx.idRef.current = saved.id;
      ctx.setArticleId(saved.id);
      moveInPlace(`/admin/berita/${saved.id}`);
    } else {
      saved = await api.put<Article>(`/articles/${ctx.idRef.current}`, payloadOf(snapshot), {
        ifMatch: `"v${base?.version ?? 0}"`,
      });
    }
    queue?.settled();
    ctx.setServer(saved);
    if (sameJson(ctx.fieldsRef.current, snapshot)) {
      // Nothing typed meanwhile: adopt the server's normalised copy (credit order…) and drop the local copy.
      const stored = fieldsOf(saved);
      if (!sameJson(stored.body, snapshot.body)) ctx.replaceFields(stored);
      else ctx.setFields(stored);
      void drafts.remove(key(saved.id));
    }
    ctx.setSaveState({ kind: "saved", at: new Date() });
    return true;
  } catch (error) {
    if (isUnreachable(error) && queue) {
      // Kept here now (not only at the next local-copy tick), then owed to the server.
      const latest = ctx.fieldsRef.current ?? snapshot;
      void drafts.write(key(ctx.idRef.current), localCopyOf(latest, base));
      queue.failed();
      ctx.setSaveState({ kind: "queued" });
      return false;
    }
    queue?.settled();
    if (error instanceof ApiError && error.code === "version_conflict" && error.problem.current && base) {
      const theirs = { ...(error.problem.current as Article), can: base.can };
      const result = mergeFields(fieldsOf(base), ctx.fieldsRef.current ?? snapshot, fieldsOf(theirs));
      ctx.setServer(theirs);
      if (result.conflicts.length === 0) {
        ctx.replaceFields(result.merged);
        ctx.setNotice(t("conflictMerged"));
        saveAgain.current = true;
      } else {
        ctx.setFields(result.merged);
        ctx.setConflict({ result, theirs });
        ctx.setSaveState({ kind: "error", message: t("conflictSaved") });
      }
    } else {
      ctx.setSaveState({
        kind: "error",
        message:
          error instanceof ApiError && error.status === 403
            ? t("forbiddenEdit")
            : t("errorGeneric", { message: error instanceof Error ? error.message : String(error) }),
      });
    }
    return false;
  }
}
