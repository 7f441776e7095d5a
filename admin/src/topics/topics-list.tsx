import { useEffect, useState } from "react";
import { api, ApiError } from "../lib/api.ts";
import { useLiveText } from "../lib/messages-live.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { Link } from "../lib/router.tsx";
import { formatInZone } from "../lib/time.ts";
import type { Topic } from "./topic-types.ts";

/** `/admin/topik`: every Topik Pilihan with its number of stories; `Topik baru` makes one. */
export function TopicsList() {
  const { t, zone, locale } = usePrefs();
  const tl = useLiveText();
  const [items, setItems] = useState<Topic[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<{ items: Topic[] }>("/topics")
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  return (
    <section>
      <div className="heading-row">
        <h1>{tl("topicsTitle")}</h1>
        <Link href="/admin/topik/baru" className="button">
          {tl("topicNew")}
        </Link>
      </div>
      {error && (
        <p role="alert" className="error">
          {t("errorGeneric", { message: error })}
        </p>
      )}
      {!items && !error && <p className="muted">{t("loading")}</p>}
      {items && items.length === 0 && <p className="muted">{tl("topicNone")}</p>}
      {items && items.length > 0 && (
        <ul className="live-list">
          {items.map((topic) => (
            <li key={topic.id}>
              <Link href={`/admin/topik/${topic.id}`}>{topic.title}</Link>{" "}
              <span className="muted">
                /topik/{topic.slug} · {tl("topicStoriesCount", { n: topic.articleIds.length })} ·{" "}
                {formatInZone(topic.updatedAt, zone, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
