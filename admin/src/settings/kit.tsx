/**
 * What every settings screen shares: loading a list, running a write with its problem+json
 * errors shown per field, labelled fields, a secret shown once (and, re-exported, lib/confirm-button.tsx).
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { describeError, type FieldErrors } from "./problem-text.ts";

export { ConfirmButton } from "../lib/confirm-button.tsx";
export { describeError, type FieldErrors };

/** A write in progress: busy flag, the outcome line and the per-field errors of the last try. */
export function useAction() {
  const { t } = usePrefs();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const run = useCallback(
    async (work: () => Promise<unknown>, success?: string): Promise<boolean> => {
      setBusy(true);
      setMessage(null);
      setNotice(null);
      setFields({});
      try {
        await work();
        if (success) setNotice(success);
        return true;
      } catch (error) {
        const described = describeError(error, t);
        setMessage(described.message);
        setFields(described.fields);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, message, notice, fields, run };
}

export type Action = ReturnType<typeof useAction>;

/** Data loaded on mount and whenever `key` changes; `reload()` fetches again. */
export function useLoaded<T>(load: () => Promise<T>, key: string) {
  const { t } = usePrefs();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (value) => live && (setData(value), setError(null)),
      (failure: unknown) => live && setError(describeError(failure, t).message),
    );
    return () => {
      live = false;
    };
  }, [key, tick, t]);
  return { data, error, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** The outcome of the last write: an alert for a failure, a polite status for a success. */
export function Outcome(props: { action: Pick<Action, "message" | "notice"> }) {
  return (
    <>
      <p role="alert" className="error">
        {props.action.message}
      </p>
      <p role="status" className="muted">
        {props.action.notice}
      </p>
    </>
  );
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: "text" | "email" | "password" | "url" | "search";
  required?: boolean;
  multiline?: boolean;
  autoComplete?: string;
}

/** A labelled input whose server error is tied to it (aria-invalid, aria-describedby). */
export function Field(props: FieldProps) {
  const errorId = useId();
  const common = {
    value: props.value,
    required: props.required,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": props.error ? errorId : undefined,
  };
  return (
    <label>
      {props.label}
      {props.multiline ? (
        <textarea rows={3} {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          type={props.type ?? "text"}
          autoComplete={props.autoComplete ?? "off"}
          {...common}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
    </label>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const errorId = useId();
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
    </label>
  );
}

/** A form that submits through `action.run`, shows its outcome and a submit button. */
export function SettingsForm(props: {
  title: string;
  submitLabel: string;
  action: Action;
  onSubmit: () => Promise<unknown>;
  children: ReactNode;
}) {
  const { t } = usePrefs();
  const headingId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onSubmit();
  };
  return (
    <form className="settings-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
      <button type="submit" disabled={props.action.busy}>
        {props.action.busy ? t("saving") : props.submitLabel}
      </button>
      <Outcome action={props.action} />
    </form>
  );
}

/** A secret (token, password, signing secret) shown once, with a copy button. */
export function SecretOnce(props: { title: string; text: string; value: string; onClose: () => void }) {
  const { t } = usePrefs();
  const [copyState, setCopyState] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopyState(t("copied"));
    } catch {
      input.current?.select();
      setCopyState(t("copyFailed"));
    }
  };
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <p>{props.text}</p>
      <label>
        {t("secretValue")}
        <input
          ref={input}
          readOnly
          value={props.value}
          className="secret"
          onFocus={(e) => e.target.select()}
        />
      </label>
      <p role="status" className="muted">
        {copyState}
      </p>
      <div className="actions">
        <button type="button" onClick={copy}>
          {t("copy")}
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t("done")}
        </button>
      </div>
    </Modal>
  );
}

/** One row edited in a dialog: the form inside, and `Tutup` (or Escape) to leave it unchanged. */
export function EditDialog(props: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = usePrefs();
  return (
    <Modal title={props.title} onClose={props.onClose}>
      {props.children}
      <button type="button" className="secondary" onClick={props.onClose}>
        {t("close")}
      </button>
    </Modal>
  );
}
