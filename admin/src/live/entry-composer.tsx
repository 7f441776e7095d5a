import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { EmbedDialog } from "../editor/embed-dialog.tsx";
import { ImageDialog } from "../editor/image-dialog.tsx";
import { api } from "../lib/api.ts";
import { formErrorsOf } from "../lib/field-errors.ts";
import { useLiveText } from "../lib/messages-live.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { formatInZone, zoneAbbreviation } from "../lib/time.ts";
import { dropDraft, keepDraft, loadDraft } from "./entry-draft-store.ts";
import { entryPayload } from "./entry-payload.ts";
import { EMPTY_DRAFT, ENTRY_KINDS, type EntryDraft, type EntryKind, type LiveEntry } from "./live-types.ts";

type Field = "text" | "mediaId" | "embed" | "publishAt";

/**
 * The console's "Entri baru": kind, text, quote source, photo (media library), embed, summary pin
 * and an optional schedule. Every change is kept on the device until the server has the entry;
 * Ctrl+Enter (or ⌘+Enter) posts, and the text box is ready for the next entry at once.
 */
export function EntryComposer(props: {
  articleId: number;
  userId: number;
  onPosting(active: boolean): void;
  onPosted(entry: LiveEntry): void;
}) {
  const { zone, locale } = usePrefs();
  const tl = useLiveText();
  const { articleId, userId } = props;
  const [draft, setDraft] = useState<EntryDraft>(() => loadDraft(userId, articleId) ?? EMPTY_DRAFT);
  const [restored] = useState(() => loadDraft(userId, articleId) !== null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(restored ? tl("entryRestored") : null);
  const [kept, setKept] = useState(true);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<"photo" | "embed" | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = { text: useId(), photo: useId(), embed: useId(), at: useId(), hint: useId() };

  useEffect(() => setKept(keepDraft(userId, articleId, draft)), [userId, articleId, draft]);

  const change = (patch: Partial<EntryDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
  };

  const post = async () => {
    if (busy) return;
    const payload = entryPayload(draft, zone);
    if (!payload.ok) {
      setErrors(Object.fromEntries(Object.entries(payload.fields).map(([k, v]) => [k, tl(v)])));
      setMessage(tl("entryFormInvalid"));
      return;
    }
    setBusy(true);
    props.onPosting(true);
    try {
      const entry = await api.post<LiveEntry>(`/articles/${articleId}/live-blog/entries`, payload.body);
      dropDraft(userId, articleId);
      setDraft({ ...EMPTY_DRAFT, kind: draft.kind === "quote" ? "quote" : "text" });
      setErrors({});
      setMessage(
        entry.scheduled
          ? tl("entryScheduledFor", { time: formatInZone(entry.publishedAt, zone, locale) })
          : tl("entryPosted", { time: formatInZone(entry.publishedAt, zone, locale) }),
      );
      props.onPosted(entry);
      textRef.current?.focus();
    } catch (e) {
      const found = formErrorsOf(e);
      setErrors(found.fields);
      setMessage(found.message ?? tl("entryFormInvalid"));
    } finally {
      props.onPosting(false);
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void post();
    }
  };
  const invalid = (field: Field) => (errors[field] ? { "aria-invalid": true } : {});
  const fieldError = (field: Field, id: string) =>
    errors[field] ? (
      <p id={`${id}-error`} className="error">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: Field, id: string, extra?: string) =>
    [errors[field] ? `${id}-error` : "", extra ?? ""].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <form
        className="live-composer"
        aria-labelledby={`${ids.text}-title`}
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void post();
        }}
      >
        <h2 id={`${ids.text}-title`}>{tl("composerTitle")}</h2>
        <div className="row">
          <label>
            {tl("entryKind")}
            <select value={draft.kind} onChange={(e) => change({ kind: e.target.value as EntryKind })}>
              {ENTRY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {tl(`kind_${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.pinned}
              onChange={(e) => change({ pinned: e.target.checked })}
            />
            {tl("entryPinned")}
          </label>
        </div>
        <label>
          {tl("entryText")}
          <textarea
            ref={textRef}
            rows={4}
            value={draft.text}
            maxLength={5000}
            aria-keyshortcuts="Control+Enter"
            {...invalid("text")}
            aria-describedby={describedBy("text", ids.text, ids.hint)}
            onChange={(e) => change({ text: e.target.value })}
          />
        </label>
        {fieldError("text", ids.text)}
        {draft.kind === "quote" && (
          <label>
            {tl("entryAttribution")}
            <input
              value={draft.attribution}
              maxLength={200}
              onChange={(e) => change({ attribution: e.target.value })}
            />
          </label>
        )}
        {draft.kind === "image" && (
          <div className="live-media">
            {draft.photo && <img src={draft.photo.src} alt={draft.photo.alt} />}
            <p>{draft.photo ? tl("entryPhotoChosen", { alt: draft.photo.alt }) : ""}</p>
            <button
              type="button"
              className="secondary"
              aria-describedby={describedBy("mediaId", ids.photo)}
              onClick={() => setDialog("photo")}
            >
              {tl("entryPhotoPick")}
            </button>
            {fieldError("mediaId", ids.photo)}
            <label>
              {tl("entryCaption")}
              <input
                value={draft.caption}
                maxLength={2000}
                onChange={(e) => change({ caption: e.target.value })}
              />
            </label>
            <label>
              {tl("entryCredit")}
              <input
                value={draft.credit}
                maxLength={300}
                onChange={(e) => change({ credit: e.target.value })}
              />
            </label>
          </div>
        )}
        {draft.kind === "embed" && (
          <div className="live-media">
            <p>{draft.embed ? tl("entryEmbedChosen", { url: draft.embed.url }) : ""}</p>
            <button
              type="button"
              className="secondary"
              aria-describedby={describedBy("embed", ids.embed)}
              onClick={() => setDialog("embed")}
            >
              {tl("entryEmbedPick")}
            </button>
            {fieldError("embed", ids.embed)}
          </div>
        )}
        <label>
          {tl("entrySchedule")}
          <input
            type="datetime-local"
            value={draft.publishAt}
            {...invalid("publishAt")}
            aria-describedby={describedBy("publishAt", ids.at, `${ids.at}-help`)}
            onChange={(e) => change({ publishAt: e.target.value })}
          />
        </label>
        <p id={`${ids.at}-help`} className="muted">
          {tl("entryScheduleHelp", { zone: zoneAbbreviation(zone) })}
        </p>
        {fieldError("publishAt", ids.at)}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? tl("entryPosting") : tl("entryPost")}
          </button>
          <span id={ids.hint} className="muted">
            {tl("entryPostHint")} {kept ? tl("entryKept") : ""}
            {draft.kind === "image" || draft.kind === "embed" ? ` ${tl("entryTextOptional")}` : ""}
          </span>
        </div>
        <p role="status" className="save-state">
          {message}
        </p>
      </form>
      {dialog === "photo" && (
        <ImageDialog
          onClose={() => setDialog(null)}
          onInsert={(image) => {
            change({
              photo: { mediaId: image.mediaId, alt: image.alt, src: image.src },
              caption: image.caption,
              credit: image.credit,
            });
            setDialog(null);
          }}
        />
      )}
      {dialog === "embed" && (
        <EmbedDialog
          onClose={() => setDialog(null)}
          onInsert={(embed) => {
            change({ embed });
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
