import { useEffect, useState } from "react";
import { api } from "../lib/api.ts";
import { peopleById, rememberPerson, rememberTag, searchPeople, searchTags, tagsById } from "../lib/data.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { useSession } from "../lib/session.tsx";
import { CREDIT_ROLES, type Credit, type Person, type Tag } from "../lib/types.ts";
import { SearchPick } from "../lib/search-pick.tsx";

/** Credits by role (penulis, editor, fotografer, kontributor) with person search. */
export function CreditsField(props: {
  credits: Credit[];
  editable: boolean;
  onChange(credits: Credit[]): void;
}) {
  const { t } = usePrefs();
  const { user } = useSession();
  // Profiles are created by redaktur and admin (policy person.manage); others pick existing ones.
  const canCreate = user?.role === "redaktur" || user?.role === "admin";
  const [names, setNames] = useState<Map<number, Person>>(new Map());
  const [role, setRole] = useState<string>("penulis");
  useEffect(() => {
    peopleById().then(
      (m) => setNames(new Map(m)),
      () => undefined,
    );
  }, [props.credits]);
  return (
    <fieldset className="credits">
      <legend>{t("credits")}</legend>
      <ul>
        {props.credits.map((credit, index) => {
          const name = names.get(credit.personId)?.name ?? `#${credit.personId}`;
          return (
            <li key={`${credit.role}-${credit.personId}`}>
              <span className="badge">{t(`role_${credit.role}` as "role_penulis")}</span> {name}{" "}
              {props.editable && (
                <button
                  type="button"
                  className="link"
                  aria-label={t("removeNamed", { name })}
                  onClick={() => props.onChange(props.credits.filter((_, i) => i !== index))}
                >
                  {t("remove")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {props.editable && (
        <div className="row">
          <label>
            {t("creditRole")}
            <select value={role} onChange={(e) => setRole(e.target.value)}>
              {CREDIT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role_${r}`)}
                </option>
              ))}
            </select>
          </label>
          <SearchPick<Person>
            label={t("findPerson")}
            search={searchPeople}
            create={
              canCreate
                ? {
                    label: (q) => t("createPerson", { name: q }),
                    run: (name) => api.post<Person>("/people", { name }),
                  }
                : undefined
            }
            onPick={(person) => {
              rememberPerson(person);
              setNames((m) => new Map(m).set(person.id, person));
              if (!props.credits.some((c) => c.role === role && c.personId === person.id))
                props.onChange([...props.credits, { role, personId: person.id }]);
            }}
          />
        </div>
      )}
    </fieldset>
  );
}

/** Tags: search existing ones, or create a new one (POST /tags). */
export function TagsField(props: { tagIds: number[]; editable: boolean; onChange(tagIds: number[]): void }) {
  const { t } = usePrefs();
  const [names, setNames] = useState<Map<number, Tag>>(new Map());
  useEffect(() => {
    tagsById().then(
      (m) => setNames(new Map(m)),
      () => undefined,
    );
  }, [props.tagIds]);
  const add = (tag: Tag) => {
    rememberTag(tag);
    setNames((m) => new Map(m).set(tag.id, tag));
    if (!props.tagIds.includes(tag.id)) props.onChange([...props.tagIds, tag.id]);
  };
  return (
    <fieldset className="tags">
      <legend>{t("tags")}</legend>
      <ul>
        {props.tagIds.map((id) => {
          const name = names.get(id)?.name ?? `#${id}`;
          return (
            <li key={id}>
              {name}{" "}
              {props.editable && (
                <button
                  type="button"
                  className="link"
                  aria-label={t("removeNamed", { name })}
                  onClick={() => props.onChange(props.tagIds.filter((x) => x !== id))}
                >
                  {t("remove")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {props.editable && (
        <SearchPick<Tag>
          label={t("findTag")}
          search={searchTags}
          onPick={add}
          create={{
            label: (q) => t("createTag", { name: q }),
            run: (name) => api.post<Tag>("/tags", { name }),
          }}
        />
      )}
    </fieldset>
  );
}
