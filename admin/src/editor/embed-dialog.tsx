import { useId, useState } from "react";
import { embedProviderOf, type EmbedProvider } from "../../../src/content/embed-providers.ts";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";

const PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: "YouTube",
  x: "X (Twitter)",
  instagram: "Instagram",
  tiktok: "TikTok",
};

/**
 * "Sisipkan sematan": a URL of an allow-listed provider (the body schema's own patterns, so what
 * is accepted here is what the server accepts) and an optional title.
 */
export function EmbedDialog(props: {
  onInsert(embed: { provider: EmbedProvider; url: string; title: string | null }): void;
  onClose(): void;
}) {
  const { t } = usePrefs();
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const helpId = useId();
  const provider = embedProviderOf(url);

  const insert = () => {
    if (provider === null) {
      setError(t("embedInvalid"));
      return;
    }
    props.onInsert({ provider, url: url.trim(), title: title.trim() || null });
  };

  return (
    <Modal title={t("embedInsert")} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          insert();
        }}
      >
        <label>
          {t("embedUrl")}
          <input
            type="url"
            value={url}
            aria-describedby={helpId}
            aria-invalid={error !== null}
            maxLength={2048}
            onChange={(e) => {
              setUrl(e.target.value);
              setError(null);
            }}
          />
        </label>
        <p id={helpId} className="muted">
          {provider ? t("embedDetected", { provider: PROVIDER_NAMES[provider] }) : t("embedHelp")}
        </p>
        <label>
          {t("embedTitle")}
          <input value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit">{t("insert")}</button>
          <button type="button" className="secondary" onClick={props.onClose}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
