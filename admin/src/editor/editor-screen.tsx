import type { BodyDocument } from "../../../src/content/body.schema.ts";
import { countWords, readingMinutes } from "../../../src/core/reading-time.ts";
import { useSections, type SectionOption } from "../lib/data.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { timeOnly } from "../lib/time.ts";
import type { ArticleFields } from "../lib/types.ts";
import { fieldsOf } from "./article-fields.ts";
import { BodyEditor } from "./body-editor.tsx";
import { bodyText } from "./body-mapping.ts";
import { ConflictDialog } from "./conflict-dialog.tsx";
import { useEditorState, type EditorState } from "./editor-state.ts";
import { CreditsField, TagsField } from "./pickers.tsx";
import { FactCheckPanel } from "../factcheck/fact-check-panel.tsx";
import { HeroField } from "./hero-field.tsx";
import { ChangesRequested, HistoryPanel } from "./history-panel.tsx";
import { WorkflowBar } from "./workflow-bar.tsx";
import { PlacementFields } from "./placement-fields.tsx";
import { CorrectionButton } from "./correction-button.tsx";
import {
  LoadFailed,
  PreviewLink,
  RestoreBanner,
  saveStatusText,
  StoryHeading,
  PresenceNote,
} from "./editor-parts.tsx";

type Update = (patch: Partial<ArticleFields>) => void;

/**
 * One story: every field, the body editor, saving (optimistic, If-Match), the local copy, merging
 * on conflict, presence and the workflow buttons (the state: editor-state.ts). New stories live at
 * /admin/berita/baru until their first save creates them.
 */
export function EditorScreen(props: { articleId: number | null }) {
  const { t } = usePrefs();
  const sections = useSections();
  const state = useEditorState(props.articleId);
  const { articleId, server, fields, offer, notice, conflict } = state;

  if (state.loadError) return <LoadFailed message={state.loadError} />;
  if (!fields) return <p className="muted">{t("loading")}</p>;

  const update: Update = (patch) => state.setFields({ ...(state.fieldsRef.current ?? fields), ...patch });

  return (
    <section className="editor">
      <StoryHeading isNew={articleId === null} server={server} />
      <PresenceNote articleId={articleId} />
      {offer && (
        <RestoreBanner offer={offer} onRestore={() => state.restore(offer)} onDiscard={state.discardLocal} />
      )}
      {server?.status === "draft" && <ChangesRequested articleId={server.id} version={server.version} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="editor-grid">
        <StoryText state={state} fields={fields} update={update} />
        <EditorSide state={state} fields={fields} sections={sections} update={update} />
      </div>
      {conflict && (
        <ConflictDialog
          result={conflict.result}
          theirs={conflict.theirs}
          onResolve={(resolved) => {
            state.setConflict(null);
            state.replaceFields(resolved);
            void state.save();
          }}
        />
      )}
    </section>
  );
}

/** The main column: headline, lede, the body and its word count. */
function StoryText(props: { state: EditorState; fields: ArticleFields; update: Update }) {
  const { t } = usePrefs();
  const { state, fields, update } = props;
  const { editable, articleId, dirty, server } = state;
  const words = countWords(bodyText(fields.body));
  return (
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
        headlines={state.lookups.headlines}
        images={state.lookups.images}
        resetKey={state.resetKey}
        editable={editable}
        articleId={articleId}
        onChange={(body: BodyDocument) => {
          const latest = state.fieldsRef.current ?? fields;
          state.setFields({ ...latest, body });
        }}
        onBlur={() => {
          if (dirty && articleId !== null && editable && server?.status !== "published") void state.save();
        }}
      />
      <p className="counts" aria-live="off">
        {t("words", { n: words })} · {t("readingTime", { n: readingMinutes(words) })}
      </p>
    </div>
  );
}

/** The side column: saving, the workflow, a correction, placement, credits, tags, hero, Cek Fakta, history. */
function EditorSide(props: {
  state: EditorState;
  fields: ArticleFields;
  sections: SectionOption[];
  update: Update;
}) {
  const { t } = usePrefs();
  const { state, fields, sections, update } = props;
  const { server, editable } = state;
  return (
    <aside className="editor-side">
      <SaveRow state={state} />
      {server?.can && server.can.actions.length > 0 && (
        <WorkflowBar actions={server.can.actions} busy={state.busy} onTransition={state.transition} />
      )}
      {server?.live && server.can?.correct && (
        <CorrectionButton articleId={server.id} onAdded={() => state.setNotice(t("correctionAdded"))} />
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
          canRestore={server.can?.update === true && !state.dirty}
          onRestored={(restored) => {
            state.setServer(restored);
            state.replaceFields(fieldsOf(restored));
            state.setNotice(t("transitionDone", { status: t(`status_${restored.status}`) }));
          }}
        />
      )}
    </aside>
  );
}

/** `Simpan`, the preview link and the save status line. */
function SaveRow(props: { state: EditorState }) {
  const { t, zone, locale } = usePrefs();
  const { articleId, saveState, dirty, editable, save } = props.state;
  const statusText = saveStatusText(saveState, dirty, t, (at) => timeOnly(at, zone, locale));
  return (
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
          onBlocked={() => props.state.setNotice(t("previewBlocked"))}
        />
      )}
      <span className="save-state" role="status">
        {statusText}
      </span>
    </div>
  );
}
