import { SearchPick } from "../lib/search-pick.tsx";
import { searchPeople } from "../lib/data.ts";
import { usePrefs } from "../lib/prefs.tsx";
import type { Person } from "../lib/types.ts";

/** The list's author filter: a person credited on the story (any role), found by name. */
export function AuthorFilter(props: { person: Person | null; onChange(person: Person | null): void }) {
  const { t } = usePrefs();
  if (props.person)
    return (
      <div className="author-filter">
        <span>{t("filterAuthorChosen", { name: props.person.name })}</span>{" "}
        <button type="button" className="link" onClick={() => props.onChange(null)}>
          {t("filterAuthorClear")}
        </button>
      </div>
    );
  return <SearchPick<Person> label={t("filterAuthor")} search={searchPeople} onPick={props.onChange} />;
}
