import { useEffect, useState } from "react";
import { api, qs } from "../lib/api.ts";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import type { ArticleFields, Media, Page } from "../lib/types.ts";

type Hero = ArticleFields["hero"];

/** The newest media (the library is newest first); the hero's own entry is looked up there. */
async function recentMedia(): Promise<Media[]> {
  return (await api.get<Page<Media>>(`/media${qs({ limit: 60 })}`)).items;
}

/**
 * The hero image: pick from the media library or upload (POST /media, raw body), with the caption
 * and credit shown on the story page.
 */
export function HeroField(props: { hero: Hero; editable: boolean; onChange(hero: Hero): void }) {
  const { t } = usePrefs();
  const [library, setLibrary] = useState<Media[]>([]);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [alt, setAlt] = useState("");
  useEffect(() => {
    recentMedia().then(setLibrary, () => setLibrary([]));
  }, [props.hero?.mediaId]);
  const hero = props.hero;
  const media = hero ? library.find((m) => m.id === hero.mediaId) : undefined;
  const use = (m: Media) => {
    props.onChange({ mediaId: m.id, caption: hero?.caption || m.caption, credit: hero?.credit || m.credit });
    setPicking(false);
  };
  return (
    <fieldset className="hero">
      <legend>{t("hero")}</legend>
      {!hero && <p className="muted">{t("heroNone")}</p>}
      {hero && (
        <>
          {media && <img src={media.url} alt={media.alt} width={240} />}
          <label>
            {t("heroCaption")}
            <input
              value={hero.caption}
              readOnly={!props.editable}
              onChange={(e) => props.onChange({ ...hero, caption: e.target.value })}
            />
          </label>
          <label>
            {t("heroCredit")}
            <input
              value={hero.credit}
              readOnly={!props.editable}
              onChange={(e) => props.onChange({ ...hero, credit: e.target.value })}
            />
          </label>
        </>
      )}
      {props.editable && (
        <div className="row">
          <button type="button" className="secondary" onClick={() => setPicking(true)}>
            {t("heroChoose")}
          </button>
          {hero && (
            <button type="button" className="link" onClick={() => props.onChange(null)}>
              {t("heroRemove")}
            </button>
          )}
        </div>
      )}
      {props.editable && (
        <>
          <label>
            {t("heroAlt")}
            <input value={alt} onChange={(e) => setAlt(e.target.value)} />
          </label>
          <label>
            {t("heroUpload")}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setError(null);
                try {
                  const uploaded = await api.upload<Media>(`/media${qs({ fileName: file.name, alt })}`, file);
                  setLibrary((l) => [uploaded, ...l]);
                  use(uploaded);
                } catch (err) {
                  setError(err instanceof Error ? err.message : String(err));
                }
                e.target.value = "";
              }}
            />
          </label>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {picking && (
        <Modal title={t("mediaLibrary")} wide onClose={() => setPicking(false)}>
          <ul className="media-grid">
            {library.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  onClick={() => use(m)}
                  aria-label={t("useImage", { id: m.id, alt: m.alt })}
                >
                  <img src={m.url} alt="" width={160} />
                </button>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setPicking(false)}>
              {t("cancel")}
            </button>
          </div>
        </Modal>
      )}
    </fieldset>
  );
}
