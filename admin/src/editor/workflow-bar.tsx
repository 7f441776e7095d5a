import { useState } from "react";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { isoToWallClock, wallClockToIso, zoneAbbreviation } from "../lib/time.ts";
import type { WorkflowAction } from "../lib/types.ts";

export interface TransitionRequest {
  action: WorkflowAction;
  note?: string;
  at?: string;
}

/**
 * The workflow buttons this user may press now (the API's `can.actions`: policy × status).
 * Publishing and withdrawing ask for confirmation; requesting changes asks for a note;
 * scheduling asks for a time in the desk's zone.
 */
export function WorkflowBar(props: {
  actions: WorkflowAction[];
  busy: boolean;
  onTransition(request: TransitionRequest): void;
}) {
  const { t, zone } = usePrefs();
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const [note, setNote] = useState("");
  const [when, setWhen] = useState(() => isoToWallClock(new Date(Date.now() + 3600_000).toISOString(), zone));
  const close = () => setAsking(null);
  const run = (request: TransitionRequest) => {
    setAsking(null);
    props.onTransition(request);
  };
  const label = (action: WorkflowAction) => t(`action_${action}`);
  return (
    <div className="workflow">
      {props.actions.map((action) => (
        <button
          key={action}
          type="button"
          className={action === "publish" ? "primary" : undefined}
          disabled={props.busy}
          onClick={() =>
            action === "submit" || action === "approve" || action === "reopen"
              ? run({ action })
              : setAsking(action)
          }
        >
          {label(action)}
        </button>
      ))}
      {(asking === "publish" || asking === "unpublish") && (
        <Modal title={label(asking)} onClose={close}>
          <p>{asking === "publish" ? t("confirmPublish") : t("confirmUnpublish")}</p>
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={() => run({ action: asking })}>
              {label(asking)}
            </button>
            <button type="button" className="secondary" onClick={close}>
              {t("cancel")}
            </button>
          </div>
        </Modal>
      )}
      {asking === "requestChanges" && (
        <Modal title={label(asking)} onClose={close}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              run({ action: "requestChanges", note: note.trim() });
              setNote("");
            }}
          >
            <label>
              {t("note")}
              <textarea required autoFocus rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
            <div className="actions">
              <button type="submit">{label(asking)}</button>
              <button type="button" className="secondary" onClick={close}>
                {t("cancel")}
              </button>
            </div>
          </form>
        </Modal>
      )}
      {asking === "schedule" && (
        <Modal title={label(asking)} onClose={close}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const at = wallClockToIso(when, zone);
              if (at) run({ action: "schedule", at });
            }}
          >
            <label>
              {t("scheduleAt", { zone: zoneAbbreviation(zone) })}
              <input
                type="datetime-local"
                required
                autoFocus
                value={when}
                onChange={(e) => setWhen(e.target.value)}
              />
            </label>
            <div className="actions">
              <button type="submit">{label(asking)}</button>
              <button type="button" className="secondary" onClick={close}>
                {t("cancel")}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </div>
  );
}
