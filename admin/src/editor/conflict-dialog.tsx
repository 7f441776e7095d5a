import { useState } from "react";
import type { BodyDocument } from "../../../src/content/body.schema.ts";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import type { Article, ArticleFields } from "../lib/types.ts";
import { fieldsOf } from "./article-fields.ts";
import { bodyText } from "./body-mapping.ts";
import { resolveConflicts, type FieldName, type MergeResult } from "./merge.ts";

/** Readable text of one field, for the side-by-side choice. */
function show(field: FieldName, fields: ArticleFields): string {
  const value = fields[field];
  if (field === "body") return bodyText(value as BodyDocument);
  if (typeof value === "string") return value;
  if (field === "dateline") return [fields.dateline.place, fields.dateline.outlet].filter(Boolean).join(", ");
  return JSON.stringify(value);
}

/**
 * Both people changed the same field (or the same body block): each is shown side by side and the
 * user picks a version per field. Nothing is dropped without that choice.
 */
export function ConflictDialog(props: {
  result: MergeResult;
  theirs: Article;
  onResolve(fields: ArticleFields): void;
}) {
  const { t } = usePrefs();
  const theirs = fieldsOf(props.theirs);
  const [choices, setChoices] = useState<Partial<Record<FieldName, "mine" | "theirs">>>({});
  return (
    <Modal title={t("conflictTitle")} wide onClose={() => undefined}>
      <p>{t("conflictText", { theirs: props.theirs.version })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onResolve(resolveConflicts(props.result, theirs, choices));
        }}
      >
        {props.result.conflicts.map((field) => (
          <fieldset key={field} className="conflict">
            <legend>{t(`field_${field}`)}</legend>
            <div className="side-by-side">
              {(["mine", "theirs"] as const).map((side) => (
                <label key={side} className="choice">
                  <input
                    type="radio"
                    name={`conflict-${field}`}
                    checked={(choices[field] ?? "mine") === side}
                    onChange={() => setChoices((c) => ({ ...c, [field]: side }))}
                  />
                  <strong>{t(side)}</strong>
                  <span className="choice-text">
                    {show(field, side === "mine" ? props.result.merged : theirs)}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="actions">
          <button type="submit" className="primary">
            {t("applyChoice")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
