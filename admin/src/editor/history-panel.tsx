import { useEffect, useState } from "react";
import { api } from "../lib/api.ts";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { formatInZone } from "../lib/time.ts";
import type { Article } from "../lib/types.ts";

interface Revision {
  number: number;
  kind: "create" | "save" | "staged" | "restore";
  changed: string[];
  actor: string;
  actorName: string | null;
  createdAt: string;
}

interface Step {
  action: string;
  note: string | null;
  actor: string;
  actorName: string | null;
  at: string;
}

type DiffPart =
  | { op: "equal" | "insert" | "delete"; text: string }
  | { op: "change"; words: { op: "equal" | "insert" | "delete"; text: string }[] };

interface Diff {
  fields: { field: string; before: unknown; after: unknown }[];
  body: DiffPart[];
}

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

function Words(props: { op: string; text: string }) {
  if (props.op === "insert") return <ins>{props.text}</ins>;
  if (props.op === "delete") return <del>{props.text}</del>;
  return <span>{props.text}</span>;
}

/**
 * The story's history: revisions with who and when, a readable diff with the previous one,
 * restoring an old revision (as a new one), and the workflow notes (e.g. why changes were asked).
 */
export function HistoryPanel(props: {
  article: Article;
  canRestore: boolean;
  onRestored(article: Article): void;
}) {
  const { t, zone, locale } = usePrefs();
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [steps, setSteps] = useState<Step[]>([]);
  const [diff, setDiff] = useState<{ n: number; diff: Diff } | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { id, version } = props.article;
  useEffect(() => {
    api.get<{ items: Revision[] }>(`/articles/${id}/revisions`).then(
      (r) => setRevisions(r.items),
      () => setRevisions([]),
    );
    api.get<{ items: Step[] }>(`/articles/${id}/workflow`).then(
      (r) => setSteps(r.items.filter((s) => s.note)),
      () => setSteps([]),
    );
  }, [id, version]);

  return (
    <details className="history">
      <summary>{t("history")}</summary>
      {steps.length > 0 && (
        <>
          <h3>{t("workflowNotes")}</h3>
          <ul>
            {steps.map((s, i) => (
              <li key={i}>
                {t("noteBy", {
                  actor: s.actorName ?? s.actor,
                  time: formatInZone(s.at, zone, locale),
                  note: s.note ?? "",
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <ol reversed>
        {revisions.map((r) => (
          <li key={r.number}>
            {t("revisionLine", {
              n: r.number,
              kind: t(`kind_${r.kind}`),
              actor: r.actorName ?? r.actor,
              time: formatInZone(r.createdAt, zone, locale),
            })}
            {r.changed.length > 0 && (
              <div className="muted">{t("changedFields", { fields: r.changed.join(", ") })}</div>
            )}
            <div className="row">
              {r.number > 1 && (
                <button
                  type="button"
                  className="link"
                  onClick={async () => {
                    const d = await api.get<Diff>(
                      `/articles/${id}/revisions/${r.number - 1}/diff/${r.number}`,
                    );
                    setDiff({ n: r.number, diff: d });
                  }}
                >
                  {t("compare")}
                </button>
              )}{" "}
              {props.canRestore && r.number !== revisions[0]?.number && (
                <button type="button" className="link" onClick={() => setRestoring(r.number)}>
                  {t("restoreRevision", { n: r.number })}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {diff && (
        <Modal title={`${t("compare")} (${diff.n - 1} → ${diff.n})`} wide onClose={() => setDiff(null)}>
          <div className="diff">
            {diff.diff.fields.map((f) => (
              <p key={f.field}>
                <strong>{f.field}</strong>: <del>{text(f.before)}</del> → <ins>{text(f.after)}</ins>
              </p>
            ))}
            {diff.diff.body.map((part, i) => (
              <p key={i}>
                {part.op === "change" ? (
                  part.words.map((w, j) => <Words key={j} op={w.op} text={w.text} />)
                ) : (
                  <Words op={part.op} text={part.text} />
                )}
              </p>
            ))}
          </div>
          <div className="actions">
            <button type="button" onClick={() => setDiff(null)}>
              {t("cancel")}
            </button>
          </div>
        </Modal>
      )}
      {restoring !== null && (
        <Modal title={t("restoreRevision", { n: restoring })} onClose={() => setRestoring(null)}>
          <p>{t("confirmRestore", { n: restoring })}</p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={async () => {
                const n = restoring;
                setRestoring(null);
                setError(null);
                try {
                  await api.post(`/articles/${id}/revisions/${n}/restore`, { version });
                  props.onRestored(await api.get<Article>(`/articles/${id}`));
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                }
              }}
            >
              {t("restoreRevision", { n: restoring })}
            </button>
            <button type="button" className="secondary" onClick={() => setRestoring(null)}>
              {t("cancel")}
            </button>
          </div>
        </Modal>
      )}
    </details>
  );
}

/** When the last workflow step sent the story back, its note is shown above the editor. */
export function ChangesRequested(props: { articleId: number; version: number }) {
  const { t, zone, locale } = usePrefs();
  const [step, setStep] = useState<Step | null>(null);
  useEffect(() => {
    api.get<{ items: Step[] }>(`/articles/${props.articleId}/workflow`).then(
      (r) => {
        const last = r.items[r.items.length - 1];
        setStep(last && last.action === "requestChanges" && last.note ? last : null);
      },
      () => setStep(null),
    );
  }, [props.articleId, props.version]);
  if (!step) return null;
  return (
    <div className="banner" role="note">
      <strong>{t("changesRequested")}</strong>{" "}
      {t("noteBy", {
        actor: step.actorName ?? step.actor,
        time: formatInZone(step.at, zone, locale),
        note: step.note ?? "",
      })}
    </div>
  );
}
