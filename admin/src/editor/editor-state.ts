import { useEffect, useRef, useState } from "react";
import { api } from "../lib/api.ts";
import { sameJson } from "../lib/equal.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { useSession } from "../lib/session.tsx";
import type { Article, ArticleFields } from "../lib/types.ts";
import { emptyFields, fieldsOf } from "./article-fields.ts";
import { draftKey, drafts, type LocalCopy } from "./draft-store.ts";
import { useSaveShortcut, type SaveState } from "./editor-parts.tsx";
import { mergeFields } from "./merge.ts";
import { loadLookups, type BodyLookups } from "./story-loader.ts";
import { localCopyOf, useStorySave, type Conflict } from "./story-save.ts";
import type { TransitionRequest } from "./workflow-bar.tsx";

const LOCAL_COPY_DELAY_MS = 400;
const AUTOSAVE_DELAY_MS = 3000;
const NO_LOOKUPS: BodyLookups = { headlines: new Map(), images: new Map() };

/**
 * The state of one story in the editor (editor-screen.tsx): the fields, the server's version, the
 * local copy and its offer, saving (story-save.ts), autosave, merging on conflict and the workflow
 * transitions. New stories have no id until their first save creates them.
 */
export function useEditorState(propsArticleId: number | null) {
  const { t } = usePrefs();
  const { user } = useSession();
  const userId = user?.id ?? 0;

  const [articleId, setArticleId] = useState(propsArticleId);
  const [server, setServerState] = useState<Article | null>(null);
  const [fields, setFieldsState] = useState<ArticleFields | null>(
    propsArticleId === null ? emptyFields() : null,
  );
  const [lookups, setLookups] = useState<BodyLookups>(NO_LOOKUPS);
  const [resetKey, setResetKey] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [offer, setOffer] = useState<LocalCopy | null>(null);
  const [localChecked, setLocalChecked] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fieldsRef = useRef(fields);
  const serverRef = useRef(server);
  const idRef = useRef(articleId);

  const setFields = (next: ArticleFields) => {
    fieldsRef.current = next;
    setFieldsState(next);
  };
  const setServer = (next: Article) => {
    serverRef.current = next;
    setServerState(next);
  };
  /** Replaces the fields and the body editor's content (restore, merge). */
  const replaceFields = (next: ArticleFields) => {
    setFields(next);
    setResetKey((k) => k + 1);
  };
  const key = (id: number | null) => draftKey(userId, id);

  // Load the story (and the headlines of its Baca Juga targets), then offer a differing local copy.
  useEffect(() => {
    // The story this editor created itself (its address moved in place): already loaded.
    if (propsArticleId !== null && propsArticleId === idRef.current && serverRef.current) return;
    let current = true;
    (async () => {
      const local = await drafts.read(key(propsArticleId));
      if (!current) return;
      setLocalChecked(true);
      if (propsArticleId === null) {
        if (local && !sameJson(local.fields, emptyFields())) setOffer(local);
        return;
      }
      try {
        const article = await api.get<Article>(`/articles/${propsArticleId}`);
        const loaded = fieldsOf(article);
        const found = await loadLookups(local ? [loaded, local.fields] : [loaded]);
        if (!current) return;
        setLookups(found);
        setServer(article);
        setFields(loaded);
        if (local && !sameJson(local.fields, loaded)) setOffer(local);
      } catch (error) {
        if (current) setLoadError(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      current = false;
    };
  }, [propsArticleId]);

  const baseFields = server ? fieldsOf(server) : emptyFields();
  const dirty = fields !== null && !sameJson(fields, baseFields);
  const editable = fields !== null && offer === null && (articleId === null || server?.can?.update === true);

  // The local copy: a moment after every change, kept until the server has exactly this text.
  useEffect(() => {
    if (!fields || offer || !localChecked) return;
    const timer = setTimeout(() => {
      if (!dirty) {
        void drafts.remove(key(articleId));
        return;
      }
      const writing = new Date();
      void drafts.write(key(articleId), localCopyOf(fields, server)).then((kept) => {
        // A new story's copy that landed after its first save: the story has its own key now.
        if (articleId === null && idRef.current !== null) void drafts.remove(key(null));
        setSaveState((s) =>
          // A save that ran while the device was writing (IndexedDB is slow on a busy machine)
          // is newer news than this copy: "Tersimpan" stays.
          s.kind === "saving" || (s.kind === "saved" && s.at >= writing) || (kept && s.kind === "queued")
            ? s
            : kept
              ? { kind: "local", at: new Date() }
              : { kind: "error", message: t("localStoreFailed") },
        );
      });
    }, LOCAL_COPY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [fields, dirty, offer, localChecked, articleId, server]);

  const save = useStorySave({
    t,
    userId,
    fieldsRef,
    serverRef,
    idRef,
    setServer,
    setFields,
    replaceFields,
    setArticleId,
    setSaveState,
    setNotice,
    setConflict,
  });

  useSaveShortcut(save);

  // Autosave to the server a few seconds after typing stops (drafts and stories in the workflow).
  useEffect(() => {
    if (!dirty || !editable || articleId === null || server?.status === "published" || conflict) return;
    // A save owed to an unreachable server is the retry queue's (story-save.ts), not the timer's.
    if (saveState.kind === "queued") return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [fields, dirty, editable, articleId, server?.status, conflict, save, saveState.kind]);

  const transition = async (request: TransitionRequest) => {
    if (articleId === null) return;
    setBusy(true);
    setNotice(null);
    try {
      if (dirty && server?.can?.update && !(await save())) return;
      const result = await api.post<Article>(`/articles/${articleId}/transitions`, request);
      setServer(result);
      if (sameJson(fieldsRef.current, fieldsOf(serverRef.current ?? result))) setFields(fieldsOf(result));
      setNotice(t("transitionDone", { status: t(`status_${result.status}`) }));
    } catch (error) {
      setNotice(t("errorGeneric", { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const restore = (local: LocalCopy) => {
    setOffer(null);
    const current = serverRef.current;
    if (!current || local.baseVersion === current.version || !local.baseFields) {
      replaceFields(local.fields);
      return;
    }
    const result = mergeFields(local.baseFields, local.fields, fieldsOf(current));
    replaceFields(result.merged);
    if (result.conflicts.length > 0) setConflict({ result, theirs: current });
  };

  const discardLocal = () => {
    void drafts.remove(key(articleId));
    setOffer(null);
  };

  return {
    articleId,
    server,
    fields,
    fieldsRef,
    lookups,
    resetKey,
    loadError,
    saveState,
    offer,
    conflict,
    setConflict,
    notice,
    setNotice,
    busy,
    dirty,
    editable,
    setFields,
    setServer,
    replaceFields,
    save,
    transition,
    restore,
    discardLocal,
  };
}

export type EditorState = ReturnType<typeof useEditorState>;
