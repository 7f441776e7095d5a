import { useEffect, useRef, useState } from "react";
import type { BodyDocument } from "../../../src/content/body.schema.ts";
import { countWords, readingMinutes } from "../../../src/core/reading-time.ts";
import { api } from "../lib/api.ts";
import { useSections } from "../lib/data.ts";
import { sameJson } from "../lib/equal.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { useSession } from "../lib/session.tsx";
import { timeOnly } from "../lib/time.ts";
import type { Article, ArticleFields } from "../lib/types.ts";
import { emptyFields, fieldsOf } from "./article-fields.ts";
import { BodyEditor } from "./body-editor.tsx";
import { bodyText } from "./body-mapping.ts";
import { ConflictDialog } from "./conflict-dialog.tsx";
import { draftKey, drafts, type LocalCopy } from "./draft-store.ts";
import { mergeFields } from "./merge.ts";
import { localCopyOf, useStorySave, type Conflict } from "./story-save.ts";
import { CreditsField, TagsField } from "./pickers.tsx";
import { FactCheckPanel } from "../factcheck/fact-check-panel.tsx";
import { HeroField } from "./hero-field.tsx";
import { ChangesRequested, HistoryPanel } from "./history-panel.tsx";
import { WorkflowBar, type TransitionRequest } from "./workflow-bar.tsx";
import { PlacementFields } from "./placement-fields.tsx";
import { CorrectionButton } from "./correction-button.tsx";
import { loadLookups, type BodyLookups } from "./story-loader.ts";
import {
  LoadFailed,
  PreviewLink,
  RestoreBanner,
  saveStatusText,
  StoryHeading,
  useSaveShortcut,
  PresenceNote,
  type SaveState,
} from "./editor-parts.tsx";

const LOCAL_COPY_DELAY_MS = 400;
const AUTOSAVE_DELAY_MS = 3000;
const NO_LOOKUPS: BodyLookups = { headlines: new Map(), images: new Map() };

/**
 * One story: every field, the body editor, saving (optimistic, If-Match), the local copy, merging
 * on conflict, presence and the workflow buttons. New stories live at /admin/berita/baru until
 * their first save creates them.
 */
export function EditorScreen(props: { articleId: number | null }) {
  const { t, zone, locale } = usePrefs();
  const { user } = useSession();
  const sections = useSections();
  const userId = user?.id ?? 0;

  const [articleId, setArticleId] = useState(props.articleId);
  const [server, setServerState] = useState<Article | null>(null);
  const [fields, setFieldsState] = useState<ArticleFields | null>(
    props.articleId === null ? emptyFields() : null,
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
    if (props.articleId !== null && props.articleId === idRef.current && serverRef.current) return;
    let current = true;
    (async () => {
      const local = await drafts.read(key(props.articleId));
      if (!current) return;
      setLocalChecked(true);
      if (props.articleId === null) {
        if (local && !sameJson(local.fields, emptyFields())) setOffer(local);
        return;
      }
      try {
        const article = await api.get<Article>(`/articles/${props.articleId}`);
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
  }, [props.articleId]);

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
      void drafts
        .write(key(articleId), localCopyOf(fields, server))
        .then((kept) =>
          setSaveState((s) =>
            s.kind === "saving" || (kept && s.kind === "queued")
              ? s
              : kept
                ? { kind: "local", at: new Date() }
                : { kind: "error", message: t("localStoreFailed") },
          ),
        );
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

  if (loadError) return <LoadFailed message={loadError} />;
  if (!fields) return <p className="muted">{t("loading")}</p>;

  const update = (patch: Partial<ArticleFields>) => setFields({ ...(fieldsRef.current ?? fields), ...patch });
  const words = countWords(bodyText(fields.body));
  const statusText = saveStatusText(saveState, dirty, t, (at) => timeOnly(at, zone, locale));

  return (
    <section className="editor">
      <StoryHeading isNew={articleId === null} server={server} />
      <PresenceNote articleId={articleId} />
      {offer && (
        <RestoreBanner
          offer={offer}
          onRestore={() => restore(offer)}
          onDiscard={() => {
            void drafts.remove(key(articleId));
            setOffer(null);
          }}
        />
      )}
      {server?.status === "draft" && <ChangesRequested articleId={server.id} version={server.version} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="editor-grid">
        <div className="editor-main">
          <label className="headline">
            {t("headline")}
            <input
              value={fields.headline}
              readOnly={!editable}
              maxLength={300}
              onChange={(e) => update({ headline: e.target.value })}
            />
          </label>
          <label>
            {t("lede")}
            <textarea
              rows={3}
              value={fields.lede}
              readOnly={!editable}
              onChange={(e) => update({ lede: e.target.value })}
            />
          </label>
          <BodyEditor
            initial={fields.body}
            headlines={lookups.headlines}
            images={lookups.images}
            resetKey={resetKey}
            editable={editable}
            articleId={articleId}
            onChange={(body: BodyDocument) => {
              const latest = fieldsRef.current ?? fields;
              setFields({ ...latest, body });
            }}
            onBlur={() => {
              if (dirty && articleId !== null && editable && server?.status !== "published") void save();
            }}
          />
          <p className="counts" aria-live="off">
            {t("words", { n: words })} · {t("readingTime", { n: readingMinutes(words) })}
          </p>
        </div>
        <aside className="editor-side">
          <div className="save-row">
            <button
              type="button"
              className="primary"
              disabled={!editable || saveState.kind === "saving"}
              onClick={() => void save()}
            >
              {t("save")}
            </button>
            {articleId !== null && (
              <PreviewLink
                articleId={articleId}
                saveFirst={dirty && editable ? save : null}
                onBlocked={() => setNotice(t("previewBlocked"))}
              />
            )}
            <span className="save-state" role="status">
              {statusText}
            </span>
          </div>
          {server?.can && server.can.actions.length > 0 && (
            <WorkflowBar actions={server.can.actions} busy={busy} onTransition={transition} />
          )}
          {server?.live && server.can?.correct && (
            <CorrectionButton articleId={server.id} onAdded={() => setNotice(t("correctionAdded"))} />
          )}
          <PlacementFields fields={fields} editable={editable} sections={sections} onChange={update} />
          <CreditsField
            credits={fields.credits}
            editable={editable}
            onChange={(credits) => update({ credits })}
          />
          <TagsField tagIds={fields.tagIds} editable={editable} onChange={(tagIds) => update({ tagIds })} />
          <HeroField hero={fields.hero} editable={editable} onChange={(hero) => update({ hero })} />
          {server && <FactCheckPanel key={server.id} article={server} />}
          {server && (
            <HistoryPanel
              article={server}
              canRestore={server.can?.update === true && !dirty}
              onRestored={(restored) => {
                setServer(restored);
                replaceFields(fieldsOf(restored));
                setNotice(t("transitionDone", { status: t(`status_${restored.status}`) }));
              }}
            />
          )}
        </aside>
      </div>
      {conflict && (
        <ConflictDialog
          result={conflict.result}
          theirs={conflict.theirs}
          onResolve={(resolved) => {
            setConflict(null);
            replaceFields(resolved);
            void save();
          }}
        />
      )}
    </section>
  );
}
