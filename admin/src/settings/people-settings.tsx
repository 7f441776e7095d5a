import { useState } from "react";
import { api, qs } from "../lib/api.ts";
import { rememberPerson } from "../lib/data.ts";
import { usePrefs } from "../lib/prefs.tsx";
import type { Page } from "../lib/types.ts";
import { EditDialog, Field, SettingsForm, useAction, useLoaded } from "./kit.tsx";

interface Profile {
  id: number;
  slug: string;
  name: string;
  bio: string;
  photoMediaId: number | null;
}

/** Create (no `person`) or edit a profile: name, slug, bio. */
function PersonForm(props: { person?: Profile; onSaved: (saved: Profile) => void }) {
  const { t } = usePrefs();
  const action = useAction();
  const p = props.person;
  const [name, setName] = useState(p?.name ?? "");
  const [slug, setSlug] = useState(p?.slug ?? "");
  const [bio, setBio] = useState(p?.bio ?? "");
  const submit = () =>
    action.run(async () => {
      const body = { name, slug: slug || undefined, bio };
      const saved = p
        ? await api.patch<Profile>(`/people/${p.id}`, body)
        : await api.post<Profile>("/people", body);
      rememberPerson(saved);
      if (!p) {
        setName("");
        setSlug("");
        setBio("");
      }
      props.onSaved(saved);
    }, t("savedOk"));
  return (
    <SettingsForm
      title={p ? t("editPerson") : t("newPerson")}
      submitLabel={p ? t("save") : t("create")}
      action={action}
      onSubmit={submit}
    >
      <Field label={t("name")} value={name} onChange={setName} error={action.fields.name} required />
      <Field label={t("slugOptional")} value={slug} onChange={setSlug} error={action.fields.slug} />
      <Field label={t("bio")} value={bio} onChange={setBio} error={action.fields.bio} multiline />
    </SettingsForm>
  );
}

/** People credited on stories: search by name, page through, create and edit profiles. */
export function PeopleSettings() {
  const { t } = usePrefs();
  const [q, setQ] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const list = useLoaded(
    () => api.get<Page<Profile>>(`/people${qs({ q: q.trim(), limit: 25, cursor })}`),
    `${q}\u0000${cursor}`,
  );
  const [editing, setEditing] = useState<Profile | null>(null);
  const saved = () => {
    setEditing(null);
    list.reload();
  };

  return (
    <>
      <h1>{t("set_people")}</h1>
      <PersonForm onSaved={list.reload} />
      <h2 id="people-list">{t("peopleList")}</h2>
      <Field
        label={t("peopleSearch")}
        type="search"
        value={q}
        onChange={(value) => {
          setQ(value);
          setCursors([null]);
        }}
      />
      {list.error && <p className="error">{list.error}</p>}
      <table className="settings-table" aria-labelledby="people-list">
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("slug")}</th>
            <th scope="col">{t("bio")}</th>
            <th scope="col">{t("actionsColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.slug}</td>
              <td>{p.bio.length > 120 ? `${p.bio.slice(0, 120)}…` : p.bio}</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t("editNamed", { name: p.name })}
                  onClick={() => setEditing(p)}
                >
                  {t("edit")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.items.length === 0 && <p>{t("empty")}</p>}
      <nav className="pager" aria-label={t("pagination")}>
        <button
          type="button"
          className="secondary"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t("previous")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!list.data?.nextCursor}
          onClick={() => setCursors([...cursors, list.data?.nextCursor ?? null])}
        >
          {t("next")}
        </button>
      </nav>
      {editing && (
        <EditDialog title={t("editPerson")} onClose={() => setEditing(null)}>
          <PersonForm person={editing} onSaved={saved} />
        </EditDialog>
      )}
    </>
  );
}
