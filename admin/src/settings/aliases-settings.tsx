import { useState } from "react";
import { api } from "../lib/api.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { ConfirmButton, EditDialog, Field, Outcome, SettingsForm, useAction, useLoaded } from "./kit.tsx";

interface Alias {
  id: number;
  term: string;
  expansion: string;
}

/** Add (no `alias`) or edit a search alias: the term and what it also means. */
function AliasForm(props: { alias?: Alias; onSaved: () => void }) {
  const { t } = usePrefs();
  const action = useAction();
  const a = props.alias;
  const [term, setTerm] = useState(a?.term ?? "");
  const [expansion, setExpansion] = useState(a?.expansion ?? "");
  const submit = () =>
    action.run(async () => {
      if (a) await api.patch(`/search-aliases/${a.id}`, { term, expansion });
      else await api.post("/search-aliases", { term, expansion });
      if (!a) {
        setTerm("");
        setExpansion("");
      }
      props.onSaved();
    }, t("savedOk"));
  return (
    <SettingsForm
      title={a ? t("editAlias") : t("newAlias")}
      submitLabel={a ? t("save") : t("create")}
      action={action}
      onSubmit={submit}
    >
      <Field label={t("term")} value={term} onChange={setTerm} error={action.fields.term} required />
      <Field
        label={t("expansion")}
        value={expansion}
        onChange={setExpansion}
        error={action.fields.expansion}
        required
      />
    </SettingsForm>
  );
}

/** Search aliases (both ways: `Korut` finds `Korea Utara` and back): list, add, edit, delete. */
export function AliasesSettings() {
  const { t } = usePrefs();
  const list = useLoaded(() => api.get<{ items: Alias[] }>("/search-aliases").then((r) => r.items), "");
  const [editing, setEditing] = useState<Alias | null>(null);
  const saved = () => {
    setEditing(null);
    list.reload();
  };
  const action = useAction();
  const remove = (alias: Alias) =>
    action.run(async () => {
      await api.delete(`/search-aliases/${alias.id}`);
      list.reload();
    }, t("savedOk"));

  return (
    <>
      <h1>{t("set_aliases")}</h1>
      <p>{t("aliasesIntro")}</p>
      <AliasForm onSaved={list.reload} />
      <h2 id="aliases-list">{t("aliasesList")}</h2>
      <Outcome action={action} />
      {list.error && <p className="error">{list.error}</p>}
      <table className="settings-table" aria-labelledby="aliases-list">
        <thead>
          <tr>
            <th scope="col">{t("term")}</th>
            <th scope="col">{t("expansion")}</th>
            <th scope="col">{t("actionsColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((alias) => (
            <tr key={alias.id}>
              <td>{alias.term}</td>
              <td>{alias.expansion}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t("editNamed", { name: alias.term })}
                  onClick={() => setEditing(alias)}
                >
                  {t("edit")}
                </button>
                <ConfirmButton
                  label={t("deleteAction")}
                  accessibleName={t("deleteNamed", { name: alias.term })}
                  title={t("deleteConfirmTitle", { name: alias.term })}
                  text={t("deleteConfirmText", { name: alias.term })}
                  confirmLabel={t("deleteAction")}
                  onConfirm={() => remove(alias)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.length === 0 && <p>{t("empty")}</p>}
      {editing && (
        <EditDialog title={t("editAlias")} onClose={() => setEditing(null)}>
          <AliasForm alias={editing} onSaved={saved} />
        </EditDialog>
      )}
    </>
  );
}
