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
type Errors = Partial<Record<Field, string>>;
type Change = (patch: Partial<EntryDraft>) => void;

/** `aria-invalid` when the field was refused. */
const invalid = (errors: Errors, field: Field) => (errors[field] ? { "aria-invalid": true } : {});

/** The field's error line (when refused) and `extra`, for `aria-describedby`. */
const describedBy = (errors: Errors, field: Field, id: string, extra?: string) =>
  [errors[field] ? `${id}-error` : "", extra ?? ""].filter(Boolean).join(" ") || undefined;

/** The refusal shown under a field, `${id}-error`. */
function FieldError(props: { errors: Errors; field: Field; id: string }) {
  const message = props.errors[props.field];
  return message ? (
    <p id={`${props.id}-error`} className="error">
      {message}
    </p>
  ) : null;
}

/**
 * The entry being written: kept on the device at every change, posted (with the refusals per
 * field), then emptied for the next one with the text box focused.
 */
function useEntryDraft(props: {
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
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(restored ? tl("entryRestored") : null);
  const [kept, setKept] = useState(true);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => setKept(keepDraft(userId, articleId, draft)), [userId, articleId, draft]);

  const change: Change = (patch) => {
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

  return { draft, change, errors, message, kept, busy, post, textRef };
}

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
  const tl = useLiveText();
  const { draft, change, errors, message, kept, busy, post, textRef } = useEntryDraft(props);
  const [dialog, setDialog] = useState<"photo" | "embed" | null>(null);
  const ids = { text: useId(), photo: useId(), embed: useId(), at: useId(), hint: useId() };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void post();
    }
  };

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
        <KindRow draft={draft} change={change} />
        <label>
          {tl("entryText")}
          <textarea
            ref={textRef}
            rows={4}
            value={draft.text}
            maxLength={5000}
            aria-keyshortcuts="Control+Enter"
            {...invalid(errors, "text")}
            aria-describedby={describedBy(errors, "text", ids.text, ids.hint)}
            onChange={(e) => change({ text: e.target.value })}
          />
        </label>
        <FieldError errors={errors} field="text" id={ids.text} />
        {draft.kind === "quote" && <QuoteField draft={draft} change={change} />}
        {draft.kind === "image" && (
          <PhotoFields
            draft={draft}
            change={change}
            errors={errors}
            id={ids.photo}
            onPick={() => setDialog("photo")}
          />
        )}
        {draft.kind === "embed" && (
          <EmbedFields draft={draft} errors={errors} id={ids.embed} onPick={() => setDialog("embed")} />
        )}
        <ScheduleField draft={draft} change={change} errors={errors} id={ids.at} />
        <ComposerActions draft={draft} busy={busy} kept={kept} hintId={ids.hint} />
        <p role="status" className="save-state">
          {message}
        </p>
      </form>
      <ComposerDialogs dialog={dialog} onClose={() => setDialog(null)} change={change} />
    </>
  );
}

/** The entry's kind and the summary pin. */
function KindRow(props: { draft: EntryDraft; change: Change }) {
  const tl = useLiveText();
  const { draft, change } = props;
  return (
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
  );
}

/** Who is quoted (a quote entry). */
function QuoteField(props: { draft: EntryDraft; change: Change }) {
  const tl = useLiveText();
  return (
    <label>
      {tl("entryAttribution")}
      <input
        value={props.draft.attribution}
        maxLength={200}
        onChange={(e) => props.change({ attribution: e.target.value })}
      />
    </label>
  );
}

/** A photo entry: the chosen photo, the library button, caption and credit. */
function PhotoFields(props: {
  draft: EntryDraft;
  change: Change;
  errors: Errors;
  id: string;
  onPick(): void;
}) {
  const tl = useLiveText();
  const { draft, change, errors, id } = props;
  return (
    <div className="live-media">
      {draft.photo && <img src={draft.photo.src} alt={draft.photo.alt} />}
      <p>{draft.photo ? tl("entryPhotoChosen", { alt: draft.photo.alt }) : ""}</p>
      <button
        type="button"
        className="secondary"
        aria-describedby={describedBy(errors, "mediaId", id)}
        onClick={props.onPick}
      >
        {tl("entryPhotoPick")}
      </button>
      <FieldError errors={errors} field="mediaId" id={id} />
      <label>
        {tl("entryCaption")}
        <input value={draft.caption} maxLength={2000} onChange={(e) => change({ caption: e.target.value })} />
      </label>
      <label>
        {tl("entryCredit")}
        <input value={draft.credit} maxLength={300} onChange={(e) => change({ credit: e.target.value })} />
      </label>
    </div>
  );
}

/** An embed entry: the chosen URL and the embed button. */
function EmbedFields(props: { draft: EntryDraft; errors: Errors; id: string; onPick(): void }) {
  const tl = useLiveText();
  const { draft, errors, id } = props;
  return (
    <div className="live-media">
      <p>{draft.embed ? tl("entryEmbedChosen", { url: draft.embed.url }) : ""}</p>
      <button
        type="button"
        className="secondary"
        aria-describedby={describedBy(errors, "embed", id)}
        onClick={props.onPick}
      >
        {tl("entryEmbedPick")}
      </button>
      <FieldError errors={errors} field="embed" id={id} />
    </div>
  );
}

/** The optional publication time, in the desk's zone. */
function ScheduleField(props: { draft: EntryDraft; change: Change; errors: Errors; id: string }) {
  const { zone } = usePrefs();
  const tl = useLiveText();
  const { draft, change, errors, id } = props;
  return (
    <>
      <label>
        {tl("entrySchedule")}
        <input
          type="datetime-local"
          value={draft.publishAt}
          {...invalid(errors, "publishAt")}
          aria-describedby={describedBy(errors, "publishAt", id, `${id}-help`)}
          onChange={(e) => change({ publishAt: e.target.value })}
        />
      </label>
      <p id={`${id}-help`} className="muted">
        {tl("entryScheduleHelp", { zone: zoneAbbreviation(zone) })}
      </p>
      <FieldError errors={errors} field="publishAt" id={id} />
    </>
  );
}

/** The post button and the hint (shortcut, kept on the device, text optional). */
function ComposerActions(props: { draft: EntryDraft; busy: boolean; kept: boolean; hintId: string }) {
  const tl = useLiveText();
  const { draft, busy, kept } = props;
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? tl("entryPosting") : tl("entryPost")}
      </button>
      <span id={props.hintId} className="muted">
        {tl("entryPostHint")} {kept ? tl("entryKept") : ""}
        {draft.kind === "image" || draft.kind === "embed" ? ` ${tl("entryTextOptional")}` : ""}
      </span>
    </div>
  );
}

/** The media library (a photo entry) or the embed dialog, whichever is open. */
function ComposerDialogs(props: { dialog: "photo" | "embed" | null; onClose(): void; change: Change }) {
  const { dialog, onClose, change } = props;
  if (dialog === "photo")
    return (
      <ImageDialog
        onClose={onClose}
        onInsert={(image) => {
          change({
            photo: { mediaId: image.mediaId, alt: image.alt, src: image.src },
            caption: image.caption,
            credit: image.credit,
          });
          onClose();
        }}
      />
    );
  if (dialog === "embed")
    return (
      <EmbedDialog
        onClose={onClose}
        onInsert={(embed) => {
          change({ embed });
          onClose();
        }}
      />
    );
  return null;
}
