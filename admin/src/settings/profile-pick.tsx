import { useEffect, useState } from "react";
import { peopleById, searchPeople } from "../lib/data.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { SearchPick } from "../lib/search-pick.tsx";
import type { Person } from "../lib/types.ts";

/** An account's byline profile: the chosen person (with `Lepas profil`), or a search to pick one. */
export function ProfilePick(props: { personId: number | null; onChange: (personId: number | null) => void }) {
  const { t } = usePrefs();
  const [name, setName] = useState<string | null>(null);
  const { personId } = props;
  useEffect(() => {
    if (personId === null) return;
    let live = true;
    peopleById().then(
      (people) => live && setName(people.get(personId)?.name ?? `#${personId}`),
      () => live && setName(`#${personId}`),
    );
    return () => {
      live = false;
    };
  }, [personId]);
  if (personId === null)
    return (
      <SearchPick<Person> label={t("profile")} search={searchPeople} onPick={(p) => props.onChange(p.id)} />
    );
  return (
    <p>
      {t("profileChosen", { name: name ?? "…" })}{" "}
      <button type="button" className="link" onClick={() => props.onChange(null)}>
        {t("profileClear")}
      </button>
    </p>
  );
}
