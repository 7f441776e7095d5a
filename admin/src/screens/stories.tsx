import { useEffect, useState } from "react";
import { api, qs } from "../lib/api.ts";
import { useSections, type SectionOption } from "../lib/data.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { dayRangeToIso } from "../lib/time.ts";
import type { ArticleStatus, ListItem, Page, Person } from "../lib/types.ts";
import { AuthorFilter } from "./author-filter.tsx";
import { EditingBy, usePresenceOn } from "./desk-presence.tsx";
import { StoryLink, StoryTime } from "./story-row.tsx";

const STATUSES: ArticleStatus[] = ["draft", "in_review", "approved", "scheduled", "published", "unpublished"];
const PAGE_SIZE = 25;

/** GET /newsroom/search's answer (the fields this screen shows). */
interface SearchPage {
  items: ListItem[];
  page: number;
  pageCount: number;
}

/** The filters as the screen holds them (the typed words are debounced into the query). */
interface Filters {
  q: string;
  status: string;
  sectionId: string;
  person: Person | null;
  fromDay: string;
  toDay: string;
}

/**
 * The filters, the page stack (cursors) and the page asked for them: the list API, or the
 * newsroom's search when words are typed. A changed filter starts again at the first page.
 */
function useStoryPages() {
  const { zone } = usePrefs();
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState("");
  const [sectionId, setSectionId] = useState("");
  const [person, setPerson] = useState<Person | null>(null);
  const [fromDay, setFromDay] = useState("");
  const [toDay, setToDay] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page<ListItem> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cursor = cursors[cursors.length - 1] ?? null;

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(q.trim());
      setCursors([null]);
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  const rangeInvalid = fromDay !== "" && toDay !== "" && fromDay > toDay;

  useEffect(() => {
    if (rangeInvalid) return;
    let current = true;
    setError(null);
    const range = dayRangeToIso(fromDay, toDay, zone);
    const filters = { status, sectionId, personId: person?.id };
    // Typed words go to the newsroom's search (headline, body, people; drafts included), whose
    // pages are numbered: the cursor is then the page number.
    const request = query
      ? api
          .get<SearchPage>(
            `/newsroom/search${qs({ q: query, ...filters, ...range, page: cursor ?? 1, pageSize: PAGE_SIZE })}`,
          )
          .then((found): Page<ListItem> => ({
            items: found.items,
            nextCursor: found.page < found.pageCount ? String(found.page + 1) : null,
          }))
      : api.get<Page<ListItem>>(`/articles${qs({ ...filters, ...range, cursor, limit: PAGE_SIZE })}`);
    request
      .then((result) => current && setPage(result))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [query, status, sectionId, person, fromDay, toDay, zone, rangeInvalid, cursor]);

  /** A changed filter starts again at the first page. */
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setCursors([null]);
    };

  const filters: Filters = { q, status, sectionId, person, fromDay, toDay };
  const setters = {
    q: setQ,
    status: refilter(setStatus),
    sectionId: refilter(setSectionId),
    person: refilter(setPerson),
    fromDay: refilter(setFromDay),
    toDay: refilter(setToDay),
  };
  return { filters, setters, rangeInvalid, page, error, cursors, setCursors };
}

type Setters = ReturnType<typeof useStoryPages>["setters"];

/**
 * Every story, drafts included: status, section, author (credited person) and last-activity day
 * range (in the desk's zone) filters with cursor pagination
 * (GET /articles?status=&sectionId=&personId=&from=&to=&cursor=), fast with 100,000 stories.
 * Typed words search headlines, bodies and credited people through the newsroom's search, with
 * the same filters (GET /newsroom/search?q=&status=&sectionId=&personId=&from=&to=&page=).
 * Stories someone else has open say so (one GET /articles/presence for the page).
 */
export function StoriesScreen() {
  const { t } = usePrefs();
  const sections = useSections();
  const { filters, setters, rangeInvalid, page, error, cursors, setCursors } = useStoryPages();

  return (
    <section>
      <h1>{t("allStories")}</h1>
      <StoryFilters filters={filters} setters={setters} sections={sections} />
      {rangeInvalid && (
        <p role="alert" className="error">
          {t("filterDateInvalid")}
        </p>
      )}
      {error && <p className="error">{t("errorGeneric", { message: error })}</p>}
      {!page && !error && <p className="muted">{t("loading")}</p>}
      {page && <StoriesTable items={page.items} sections={sections} />}
      <nav className="pager" aria-label={t("pagination")}>
        <button
          type="button"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t("previous")}
        </button>
        <span>{t("page", { n: cursors.length })}</span>
        <button
          type="button"
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor])}
        >
          {t("next")}
        </button>
      </nav>
    </section>
  );
}

/** The search box and the status, section, day range and author filters. */
function StoryFilters(props: { filters: Filters; setters: Setters; sections: SectionOption[] }) {
  const { t } = usePrefs();
  const { filters, setters, sections } = props;
  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t("search")}
        <input type="search" value={filters.q} onChange={(e) => setters.q(e.target.value)} />
      </label>
      <label>
        {t("status")}
        <select value={filters.status} onChange={(e) => setters.status(e.target.value)}>
          <option value="">{t("allStatuses")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("section")}
        <select value={filters.sectionId} onChange={(e) => setters.sectionId(e.target.value)}>
          <option value="">{t("allSections")}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("filterFrom")}
        <input type="date" value={filters.fromDay} onChange={(e) => setters.fromDay(e.target.value)} />
      </label>
      <label>
        {t("filterTo")}
        <input type="date" value={filters.toDay} onChange={(e) => setters.toDay(e.target.value)} />
      </label>
      <AuthorFilter person={filters.person} onChange={setters.person} />
    </form>
  );
}

/** The page's stories: headline (and who has it open), section, status, last change. */
function StoriesTable(props: { items: ListItem[]; sections: SectionOption[] }) {
  const { t } = usePrefs();
  const { items } = props;
  const sectionName = new Map(props.sections.map((s) => [s.id, s.label]));
  const presence = usePresenceOn(items.map((i) => i.id));
  return (
    <table className="stories">
      <caption className="visually-hidden">{t("results")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("headline")}</th>
          <th scope="col">{t("section")}</th>
          <th scope="col">{t("status")}</th>
          <th scope="col">{t("modified")}</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && (
          <tr>
            <td colSpan={4}>{t("empty")}</td>
          </tr>
        )}
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              <StoryLink item={item} /> <EditingBy names={presence.get(item.id)} />
            </td>
            <td>{sectionName.get(item.sectionId) ?? ""}</td>
            <td>
              <span className={`badge status-${item.status}`}>{t(`status_${item.status}`)}</span>
            </td>
            <td>
              <StoryTime item={item} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
