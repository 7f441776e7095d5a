import { useEffect, useId, useState } from "react";
import { api } from "../lib/api.ts";
import { ConfirmButton } from "../lib/confirm-button.tsx";
import { formErrorsOf, NO_ERRORS, type FormErrors } from "../lib/field-errors.ts";
import { useLiveText } from "../lib/messages-live.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { formatInZone } from "../lib/time.ts";
import type { Media } from "../lib/types.ts";
import type { LiveEntry } from "./live-types.ts";

const pictures = new Map<number, Promise<Media | null>>();

/** The library entry of an image entry's photo, fetched once per page. */
function usePicture(mediaId: number | null): Media | null {
  const [media, setMedia] = useState<Media | null>(null);
  useEffect(() => {
    if (mediaId === null) return;
    let current = true;
    if (!pictures.has(mediaId))
      pictures.set(
        mediaId,
        api.get<Media>(`/media/${mediaId}`).catch(() => null),
      );
    void pictures.get(mediaId)?.then((m) => current && setMedia(m));
    return () => {
      current = false;
    };
  }, [mediaId]);
  return media;
}

/**
 * One entry in the console: time, kind, text, photo or embed, badges (Ringkasan, Terjadwal,
 * Dikoreksi) and its actions — edit (text and a correction note for readers), pin/unpin, delete
 * (confirmed).
 */
export function EntryItem(props: { articleId: number; entry: LiveEntry; onChanged(message: string): void }) {
  const { zone, locale } = usePrefs();
  const tl = useLiveText();
  const { entry, articleId } = props;
  const picture = usePicture(entry.kind === "image" ? entry.mediaId : null);
  const [editing, setEditing] = useState(false);
  const path = `/articles/${articleId}/live-blog/entries/${entry.id}`;
  const time = formatInZone(entry.publishedAt, zone, locale);
  const [error, setError] = useState<string | null>(null);

  const patch = async (body: Record<string, unknown>, done: string) => {
    setError(null);
    try {
      await api.patch<LiveEntry>(path, body);
      props.onChanged(done);
    } catch (e) {
      setError(formErrorsOf(e).message ?? String(e));
    }
  };

  return (
    <li className={entry.pinned ? "live-entry pinned" : "live-entry"}>
      <p className="live-entry-meta">
        <time dateTime={entry.publishedAt}>{time}</time> · {tl(`kind_${entry.kind}`)}
        {entry.pinned && <span className="badge status-published">{tl("badgePinned")}</span>}
        {entry.scheduled && <span className="badge status-scheduled">{tl("badgeScheduled", { time })}</span>}
      </p>
      {picture && <img className="live-entry-photo" src={picture.url} alt={picture.alt} />}
      {entry.kind === "quote" ? (
        <blockquote>
          {entry.text}
          {entry.attribution && <footer>— {entry.attribution}</footer>}
        </blockquote>
      ) : (
        entry.text && <p className="live-entry-text">{entry.text}</p>
      )}
      {entry.caption && <p className="muted">{entry.caption}</p>}
      {entry.embed && (
        <p>
          <a href={entry.embed.url} target="_blank" rel="noreferrer">
            {entry.embed.title ?? entry.embed.url}
          </a>
        </p>
      )}
      {entry.correction && <p className="notice">{tl("badgeCorrected", { note: entry.correction })}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setEditing(true)}>
          {tl("entryEdit")}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void patch({ pinned: !entry.pinned }, tl("entrySaved"))}
        >
          {entry.pinned ? tl("entryUnpin") : tl("entryPin")}
        </button>
        <ConfirmButton
          label={tl("entryRemove")}
          title={tl("entryRemoveTitle")}
          text={tl("entryRemoveText")}
          cancel={tl("confirmCancel")}
          onConfirm={async () => {
            try {
              await api.delete(path);
              props.onChanged(tl("entryRemoved"));
            } catch (e) {
              setError(formErrorsOf(e).message ?? String(e));
            }
          }}
        />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {editing && (
        <EntryEditForm
          entry={entry}
          path={path}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            props.onChanged(tl("entrySaved"));
          }}
        />
      )}
    </li>
  );
}

/** Corrects an entry in place: its text, and a note readers see under it. */
function EntryEditForm(props: { entry: LiveEntry; path: string; onCancel(): void; onSaved(): void }) {
  const tl = useLiveText();
  const { entry } = props;
  const [text, setText] = useState(entry.text);
  const [attribution, setAttribution] = useState(entry.attribution ?? "");
  const [correction, setCorrection] = useState(entry.correction ?? "");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const id = useId();
  const save = async () => {
    const body: Record<string, unknown> = { text: text.trim(), correction: correction.trim() || null };
    if (entry.kind === "quote") body.attribution = attribution.trim();
    if ((entry.kind === "text" || entry.kind === "quote") && !text.trim()) {
      setErrors({ fields: { text: tl("entryTextRequired") }, message: null });
      return;
    }
    try {
      await api.patch<LiveEntry>(props.path, body);
      props.onSaved();
    } catch (e) {
      setErrors(formErrorsOf(e));
    }
  };
  return (
    <form
      className="live-edit"
      aria-label={tl("entryEditTitle")}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
        if (e.key === "Escape") props.onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {tl("entryText")}
        <textarea
          rows={3}
          value={text}
          autoFocus
          aria-invalid={errors.fields.text ? true : undefined}
          aria-describedby={errors.fields.text ? `${id}-text` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {errors.fields.text && (
        <p id={`${id}-text`} className="error">
          {errors.fields.text}
        </p>
      )}
      {entry.kind === "quote" && (
        <label>
          {tl("entryAttribution")}
          <input value={attribution} onChange={(e) => setAttribution(e.target.value)} />
        </label>
      )}
      <label>
        {tl("entryCorrection")}
        <input
          value={correction}
          maxLength={500}
          aria-describedby={`${id}-help`}
          aria-invalid={errors.fields.correction ? true : undefined}
          onChange={(e) => setCorrection(e.target.value)}
        />
      </label>
      <p id={`${id}-help`} className="muted">
        {tl("entryCorrectionHelp")}
      </p>
      {errors.fields.correction && <p className="error">{errors.fields.correction}</p>}
      {errors.message && (
        <p role="alert" className="error">
          {errors.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {tl("entrySave")}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {tl("confirmCancel")}
        </button>
      </div>
    </form>
  );
}
