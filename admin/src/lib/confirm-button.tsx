import { useState, type ReactNode } from "react";
import { Modal } from "./dialog.tsx";
import { usePrefs } from "./prefs.tsx";

/**
 * A destructive or public action behind a confirmation: the button opens a dialog that says what
 * will happen; the dialog's own button (`confirmLabel`, by default the same name) runs it, `cancel`
 * (by default "Batal"/"Cancel") closes it. `accessibleName` names the opening button when its
 * visible label is shared by a list of rows ("Hapus" → "Hapus Ekonomi").
 */
export function ConfirmButton(props: {
  label: string;
  accessibleName?: string;
  title: string;
  text: ReactNode;
  confirmLabel?: string;
  cancel?: string;
  onConfirm(): Promise<unknown> | void;
  className?: string;
  disabled?: boolean;
}) {
  const { t } = usePrefs();
  const [open, setOpen] = useState(false);
  // The dialog closes first: what the action opens next (a secret shown once, an error) is not
  // stacked under it, and a row it removes does not unmount an open dialog.
  const run = async () => {
    setOpen(false);
    await props.onConfirm();
  };
  return (
    <>
      <button
        type="button"
        className={props.className ?? "secondary"}
        aria-label={props.accessibleName}
        disabled={props.disabled}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </button>
      {open && (
        <Modal title={props.title} onClose={() => setOpen(false)}>
          <p>{props.text}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void run()}>
              {props.confirmLabel ?? props.label}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {props.cancel ?? t("cancel")}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
