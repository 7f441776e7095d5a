import { useEffect, useId, useRef, useState } from "react";
import { api, qs } from "../lib/api.ts";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import type { Media, Page } from "../lib/types.ts";

/** What the body's image block gets, plus the picture shown in the editor. */
export interface InsertedImage {
  mediaId: number;
  caption: string;
  credit: string;
  src: string;
  alt: string;
}

/**
 * "Sisipkan foto": pick a photo from the media library (searchable) or upload one, then give its
 * alt text (required: the server also refuses to publish a story whose photo has none), caption
 * and credit. A changed alt text is saved on the library entry (PATCH /media/:id), since every
 * story using that photo shows it.
 */
export function ImageDialog(props: { onInsert(image: InsertedImage): void; onClose(): void }) {
  const { t } = usePrefs();
  const [q, setQ] = useState("");
  const [library, setLibrary] = useState<Media[] | null>(null);
  const [chosen, setChosen] = useState<Media | null>(null);
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [credit, setCredit] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const altRef = useRef<HTMLInputElement>(null);
  const helpId = useId();

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api
        .get<Page<Media>>(`/media${qs({ q: q.trim(), limit: 30 })}`)
        .then((page) => current && setLibrary(page.items))
        .catch((e: unknown) => current && setError(t("errorGeneric", { message: messageOf(e) })));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, t]);

  const choose = (media: Media) => {
    setChosen(media);
    setAlt(media.alt);
    setCaption(media.caption);
    setCredit(media.credit);
    setError(null);
    setTimeout(() => altRef.current?.focus(), 0);
  };

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const uploaded = await api.upload<Media>(`/media${qs({ fileName: file.name })}`, file);
      setLibrary((items) => [uploaded, ...(items ?? []).filter((m) => m.id !== uploaded.id)]);
      choose(uploaded);
    } catch (e) {
      setError(t("imageUploadFailed", { message: messageOf(e) }));
    } finally {
      setBusy(false);
    }
  };

  const insert = async () => {
    if (!chosen) {
      setError(t("imageChooseFirst"));
      return;
    }
    if (alt.trim() === "") {
      setError(t("imageAltRequired"));
      altRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const media =
        alt.trim() === chosen.alt
          ? chosen
          : await api.patch<Media>(`/media/${chosen.id}`, { alt: alt.trim() });
      props.onInsert({
        mediaId: media.id,
        caption: caption.trim(),
        credit: credit.trim(),
        src: media.url,
        alt: media.alt,
      });
    } catch (e) {
      setError(t("errorGeneric", { message: messageOf(e) }));
      setBusy(false);
    }
  };

  return (
    <Modal title={t("imageInsert")} wide onClose={props.onClose}>
      <div className="image-pick">
        <label>
          {t("imageSearch")}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          {t("imageUpload")}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
              e.target.value = "";
            }}
          />
        </label>
      </div>
      {busy && <p className="muted">{t("imageUploading")}</p>}
      {library && library.length === 0 && <p className="muted">{t("imageNone")}</p>}
      <ul className="media-grid media-grid-small">
        {(library ?? []).map((m) => (
          <li key={m.id}>
            <button
              type="button"
              aria-pressed={chosen?.id === m.id}
              onClick={() => choose(m)}
              aria-label={t("useImage", { id: m.id, alt: m.alt })}
            >
              <img src={m.url} alt="" width={120} loading="lazy" />
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <fieldset>
          <legend>{t("imageChosen", { id: chosen.id })}</legend>
          <label>
            {t("imageAlt")}
            <input
              ref={altRef}
              value={alt}
              required
              aria-describedby={helpId}
              aria-invalid={error === t("imageAltRequired")}
              maxLength={500}
              onChange={(e) => setAlt(e.target.value)}
            />
          </label>
          <p id={helpId} className="muted">
            {t("imageAltHelp")}
          </p>
          <label>
            {t("heroCaption")}
            <input value={caption} maxLength={2000} onChange={(e) => setCaption(e.target.value)} />
          </label>
          <label>
            {t("heroCredit")}
            <input value={credit} maxLength={300} onChange={(e) => setCredit(e.target.value)} />
          </label>
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void insert()}>
          {t("insert")}
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t("cancel")}
        </button>
      </div>
    </Modal>
  );
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
