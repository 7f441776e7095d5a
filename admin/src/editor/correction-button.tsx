import { useState } from "react";
import { api, ApiError } from "../lib/api.ts";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";

type Kind = "koreksi" | "ralat";

/**
 * "Tambah koreksi" on a live story (editors and up: `can.correct`): a public, timestamped note on
 * the story's page (POST /articles/:id/corrections). Public at once, so it is asked in a dialog
 * that says so, and confirmed with its own button.
 */
export function CorrectionButton(props: { articleId: number; onAdded(): void }) {
  const { t } = usePrefs();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>("koreksi");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (note.trim() === "") {
      setError(t("correctionNoteRequired"));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/articles/${props.articleId}/corrections`, { kind, note: note.trim() });
      setOpen(false);
      setNote("");
      props.onAdded();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t("correctionAdd")}
      </button>
      {open && (
        <Modal title={t("correctionAdd")} onClose={() => setOpen(false)}>
          <p className="muted">{t("correctionPublicHint")}</p>
          <label>
            {t("correctionKind")}
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="koreksi">{t("correctionKind_koreksi")}</option>
              <option value="ralat">{t("correctionKind_ralat")}</option>
            </select>
          </label>
          <label>
            {t("correctionNote")}
            <textarea
              rows={3}
              value={note}
              maxLength={2000}
              aria-invalid={error === t("correctionNoteRequired")}
              onChange={(e) => {
                setNote(e.target.value);
                setError(null);
              }}
            />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void submit()}>
              {t("correctionConfirm")}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
