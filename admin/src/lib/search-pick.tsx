import { useEffect, useId, useState } from "react";
import { ApiError } from "./api.ts";

/** A search box with a list of options below it (buttons, so it works by keyboard). */
export function SearchPick<T extends { id: number; name: string }>(props: {
  label: string;
  search(q: string): Promise<T[]>;
  onPick(item: T): void;
  create?: { label(q: string): string; run(q: string): Promise<T> };
}) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const { search } = props;
  useEffect(() => {
    if (q.trim() === "") {
      setItems([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      search(q.trim())
        .then((found) => current && setItems(found))
        .catch(() => current && setItems([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, search]);
  const pick = (item: T) => {
    props.onPick(item);
    setQ("");
    setItems([]);
  };
  const exact = items.some((i) => i.name.toLocaleLowerCase("id") === q.trim().toLocaleLowerCase("id"));
  return (
    <div className="search-pick">
      <label>
        {props.label}
        <input type="search" value={q} aria-controls={listId} onChange={(e) => setQ(e.target.value)} />
      </label>
      <ul id={listId} className="picks">
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" onClick={() => pick(item)}>
              {item.name}
            </button>
          </li>
        ))}
        {props.create && q.trim() !== "" && !exact && (
          <li>
            <button
              type="button"
              onClick={async () => {
                try {
                  pick(await props.create!.run(q.trim()));
                } catch (e) {
                  setError(e instanceof ApiError ? e.message : String(e));
                }
              }}
            >
              {props.create.label(q.trim())}
            </button>
          </li>
        )}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
