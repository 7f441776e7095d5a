import { useEffect, useState } from "react";
import { api, qs } from "../lib/api.ts";
import { Modal } from "../lib/dialog.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { keywordsOf } from "./keywords.ts";

interface Pick {
  id: number;
  headline: string;
}

/** GET /newsroom/search's answer (the fields the picker shows). */
interface Found {
  items: Pick[];
}

/**
 * Stories a Baca Juga may point to, through the newsroom's search (headline first, then body and
 * people; GET /newsroom/search): live ones only, since a Baca Juga to a story readers cannot open
 * is dropped from the page.
 */
const findLive = (q: string, pageSize: number) =>
  api
    .get<Found>(`/newsroom/search${qs({ q, status: "published", pageSize })}`)
    .then((r) => r.items.map((i) => ({ id: i.id, headline: i.headline })));

/**
 * "Baca Juga": search live stories by their words (headline ranked first), with suggestions
 * computed from the story's own text (its key words, keywords.ts) through the same search.
 */
export function RelatedDialog(props: {
  articleId: number | null;
  text: string;
  onPick(item: Pick): void;
  onClose(): void;
}) {
  const { t } = usePrefs();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Pick[]>([]);
  const [suggestions, setSuggestions] = useState<Pick[]>([]);

  useEffect(() => {
    const words = keywordsOf(props.text, 2);
    if (words.length === 0) return;
    const find = (q: string) => findLive(q, 5);
    // The search ANDs its words: both key words first, then the strongest alone.
    find(words.join(" "))
      .then((items) => (items.length === 0 && words.length > 1 ? find(words[0]!) : items))
      .then((items) => setSuggestions(items.filter((i) => i.id !== props.articleId)))
      .catch(() => setSuggestions([]));
  }, [props.text, props.articleId]);

  useEffect(() => {
    if (q.trim().length < 2) {
      setResults([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      findLive(q.trim(), 10)
        .then((items) => current && setResults(items.filter((i) => i.id !== props.articleId)))
        .catch(() => current && setResults([]));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, props.articleId]);

  const list = (items: Pick[], label: string) => (
    <ul className="picks" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" onClick={() => props.onPick(item)}>
            {item.headline}
          </button>
        </li>
      ))}
    </ul>
  );

  return (
    <Modal title={t("relatedTitle")} onClose={props.onClose}>
      <label>
        {t("relatedSearch")}
        <input type="search" autoFocus value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      {results.length > 0 && list(results, t("results"))}
      {suggestions.length > 0 && (
        <>
          <h3>{t("suggestions")}</h3>
          {list(suggestions, t("suggestions"))}
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onClose}>
          {t("cancel")}
        </button>
      </div>
    </Modal>
  );
}
