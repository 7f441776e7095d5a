import "../lib/features.css";
import { useEffect, useId, useState } from "react";
import { api, qs } from "../lib/api.ts";
import { ConfirmButton } from "../lib/confirm-button.tsx";
import { formErrorsOf, NO_ERRORS, type FormErrors } from "../lib/field-errors.ts";
import { useLiveText, type LiveKey } from "../lib/messages-live.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { isoToWallClock, wallClockToIso } from "../lib/time.ts";
import type { Article, Zone } from "../lib/types.ts";

const VERDICTS = ["benar", "sebagian-benar", "menyesatkan", "salah", "hoaks"] as const;
type Verdict = (typeof VERDICTS)[number];

interface FactCheck {
  articleId: number;
  claim: string;
  claimant: string;
  appearance: string;
  appearanceUrl: string | null;
  claimDate: string | null;
  verdict: Verdict;
}

interface Fields {
  claim: string;
  claimant: string;
  appearance: string;
  appearanceUrl: string;
  /** `YYYY-MM-DD`, or "" when unknown. */
  claimDate: string;
  verdict: Verdict;
}

const EMPTY: Fields = {
  claim: "",
  claimant: "",
  appearance: "",
  appearanceUrl: "",
  claimDate: "",
  verdict: "salah",
};
const REQUIRED = [
  ["claim", "factClaim"],
  ["claimant", "factClaimant"],
  ["appearance", "factAppearance"],
] as const satisfies readonly (readonly [keyof Fields, LiveKey])[];

const fieldsOf = (check: FactCheck, zone: Zone): Fields => ({
  claim: check.claim,
  claimant: check.claimant,
  appearance: check.appearance,
  appearanceUrl: check.appearanceUrl ?? "",
  claimDate: check.claimDate ? isoToWallClock(check.claimDate, zone).slice(0, 10) : "",
  verdict: check.verdict,
});

/**
 * Cek Fakta in the story editor: whether the story is a fact-check, and its claim, who made it,
 * where it appeared (and a link), when, and the verdict (PUT/DELETE /articles/:id/fact-check).
 * Shown beside the other fields; the server decides who may change it (a writer, their own draft).
 */
export function FactCheckPanel(props: { article: Article }) {
  const { t, zone } = usePrefs();
  const tl = useLiveText();
  const articleId = props.article.id;
  const [check, setCheck] = useState<FactCheck | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [editing, setEditing] = useState(false);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    api
      .get<{ items: FactCheck[] }>(`/fact-checks${qs({ articleId })}`)
      .then(({ items }) => {
        const found = items[0] ?? null;
        setCheck(found);
        if (found) setFields(fieldsOf(found, zone));
        setLoaded(true);
      })
      .catch((e: unknown) => setErrors(formErrorsOf(e)));
  }, [articleId, zone]);

  const change = (patch: Partial<Fields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setErrors(NO_ERRORS);
  };

  const save = async () => {
    const missing = Object.fromEntries(
      REQUIRED.filter(([name]) => !fields[name].trim()).map(([name, label]) => [
        name,
        tl("factRequired", { field: tl(label) }),
      ]),
    );
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, message: null });
      return;
    }
    try {
      const saved = await api.put<FactCheck>(`/articles/${articleId}/fact-check`, {
        claim: fields.claim.trim(),
        claimant: fields.claimant.trim(),
        appearance: fields.appearance.trim(),
        appearanceUrl: fields.appearanceUrl.trim() || null,
        claimDate: fields.claimDate ? wallClockToIso(`${fields.claimDate}T00:00`, zone) : null,
        verdict: fields.verdict,
      });
      setCheck(saved);
      setFields(fieldsOf(saved, zone));
      setNotice(tl("factSaved"));
    } catch (e) {
      setErrors(formErrorsOf(e));
    }
  };

  const text = (name: keyof Omit<Fields, "verdict">, label: LiveKey, type = "text") => (
    <>
      <label>
        {tl(label)}
        {name === "claim" ? (
          <textarea
            rows={3}
            value={fields.claim}
            maxLength={1000}
            aria-invalid={errors.fields[name] ? true : undefined}
            aria-describedby={errors.fields[name] ? `${id}-${name}` : undefined}
            onChange={(e) => change({ claim: e.target.value })}
          />
        ) : (
          <input
            type={type}
            value={fields[name]}
            aria-invalid={errors.fields[name] ? true : undefined}
            aria-describedby={errors.fields[name] ? `${id}-${name}` : undefined}
            onChange={(e) => change({ [name]: e.target.value })}
          />
        )}
      </label>
      {errors.fields[name] && (
        <p id={`${id}-${name}`} className="error">
          {errors.fields[name]}
        </p>
      )}
    </>
  );

  if (!loaded && !errors.message) return null;
  return (
    <section className="fact-check" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {tl("factTitle")}
        {check && ` · ${tl(`verdict_${check.verdict}`)}`}
      </h2>
      {!check && !editing && (
        <>
          <p className="muted">{tl("factIntro")}</p>
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {tl("factEnable")}
          </button>
        </>
      )}
      {(check || editing) && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {text("claim", "factClaim")}
          {text("claimant", "factClaimant")}
          {text("appearance", "factAppearance")}
          {text("appearanceUrl", "factAppearanceUrl", "url")}
          {text("claimDate", "factClaimDate", "date")}
          <label>
            {tl("factVerdict")}
            <select value={fields.verdict} onChange={(e) => change({ verdict: e.target.value as Verdict })}>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {tl(`verdict_${v}`)}
                </option>
              ))}
            </select>
          </label>
          {props.article.live && <p className="muted">{tl("factPublicHint")}</p>}
          <div className="actions">
            <button type="submit" className="primary">
              {tl("factSave")}
            </button>
            {check && (
              <ConfirmButton
                label={tl("factRemove")}
                title={tl("factRemoveTitle")}
                text={tl("factRemoveText")}
                cancel={tl("confirmCancel")}
                onConfirm={async () => {
                  try {
                    await api.delete(`/articles/${articleId}/fact-check`);
                    setCheck(null);
                    setEditing(false);
                    setFields(EMPTY);
                    setNotice(tl("factRemoved"));
                  } catch (e) {
                    setErrors(formErrorsOf(e));
                  }
                }}
              />
            )}
          </div>
        </form>
      )}
      <p role="status" className="save-state">
        {notice}
      </p>
      {errors.message && (
        <p role="alert" className="error">
          {t("errorGeneric", { message: errors.message })}
        </p>
      )}
    </section>
  );
}
