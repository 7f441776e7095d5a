import { useState, type ReactNode } from "react";
import { Modal } from "./dialog.tsx";

/**
 * A destructive or public action behind a confirmation: the button opens a dialog that says what
 * will happen; the dialog's own button (same name) runs it, `cancel` closes it.
 */
export function ConfirmButton(props: {
  label: string;
  title: string;
  text: ReactNode;
  cancel: string;
  onConfirm(): Promise<void> | void;
  className?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={props.className ?? "secondary"}
        disabled={props.disabled}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </button>
      {open && (
        <Modal title={props.title} onClose={() => setOpen(false)}>
          <p>{props.text}</p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void run()}>
              {props.label}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {props.cancel}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
