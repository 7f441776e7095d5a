import { useEffect, useState } from "react";
import { api, ApiError, qs } from "../lib/api.ts";
import { useLiveText } from "../lib/messages-live.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { Link, navigate } from "../lib/router.tsx";
import { SearchPick } from "../lib/search-pick.tsx";
import { formatInZone } from "../lib/time.ts";
import type { ListItem, Page } from "../lib/types.ts";
import type { LiveBlog, LiveBlogListItem } from "./live-types.ts";

/** Stories by headline, as the pickers want them. */
export async function searchStories(q: string): Promise<{ id: number; name: string }[]> {
  const page = await api.get<Page<ListItem>>(`/articles${qs({ q, limit: 10 })}`);
  return page.items.map((item) => ({ id: item.id, name: item.headline }));
}

/**
 * `/admin/live`: every live blog (running first by recent activity) and "Mulai liputan langsung":
 * pick a story by headline, and it becomes a live blog whose console opens.
 */
export function LiveList() {
  const { t, zone, locale } = usePrefs();
  const tl = useLiveText();
  const [items, setItems] = useState<LiveBlogListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<{ items: LiveBlogListItem[] }>("/live-blogs")
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);

  const start = async (story: { id: number }) => {
    try {
      await api.put<LiveBlog>(`/articles/${story.id}/live-blog`, {});
      navigate(`/admin/live/${story.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <section>
      <h1>{tl("liveTitle")}</h1>
      <section className="lane" aria-labelledby="live-start-title">
        <h2 id="live-start-title">{tl("liveStart")}</h2>
        <p className="muted">{tl("liveStartHint")}</p>
        <SearchPick
          label={tl("liveStartPick")}
          search={searchStories}
          onPick={(story) => void start(story)}
        />
      </section>
      {error && (
        <p role="alert" className="error">
          {t("errorGeneric", { message: error })}
        </p>
      )}
      {!items && !error && <p className="muted">{t("loading")}</p>}
      {items && items.length === 0 && <p className="muted">{tl("liveNone")}</p>}
      {items && items.length > 0 && (
        <ul className="live-list">
          {items.map((item) => (
            <li key={item.articleId}>
              <Link href={`/admin/live/${item.articleId}`}>{item.headline}</Link>{" "}
              <span className={item.open ? "badge status-published" : "badge"}>
                {item.open ? tl("liveOpen") : tl("liveClosed")}
              </span>{" "}
              <span className="badge">{t(`status_${item.status}`)}</span>
              <br />
              <span className="muted">
                {tl("liveSince", { time: formatInZone(item.coverageStart, zone, locale) })} ·{" "}
                {tl("liveUpdated", { time: formatInZone(item.updatedAt, zone, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
