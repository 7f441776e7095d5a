import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "../lib/api.ts";
import { ConfirmButton } from "../lib/confirm-button.tsx";
import { useLiveText } from "../lib/messages-live.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { Link } from "../lib/router.tsx";
import { useSession } from "../lib/session.tsx";
import { formatInZone } from "../lib/time.ts";
import type { Article } from "../lib/types.ts";
import { EntryComposer } from "./entry-composer.tsx";
import { EntryItem } from "./entry-item.tsx";
import type { LiveBlog } from "./live-types.ts";

/** How often the console asks for entries colleagues posted (and scheduled ones released). */
const REFRESH_MS = 4_000;

type Notice = string | { arrived: number } | null;

/**
 * The live blog and its story, asked again every few seconds while the tab is visible. Counts the
 * entries that arrived from colleagues (not this console's own posts) for the announcement.
 */
function useLiveBlog(articleId: number) {
  const [article, setArticle] = useState<Article | null>(null);
  const [blog, setBlog] = useState<LiveBlog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  /** Entries already shown, entries this console posted, and posts on their way. */
  const known = useRef<Set<number> | null>(null);
  const mine = useRef(new Set<number>());
  const posting = useRef(0);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<LiveBlog>(`/articles/${articleId}/live-blog`);
      setBlog(next);
      setError(null);
      // While an entry of ours is on its way, a new id may be ours: counted at the next refresh.
      if (posting.current > 0) return;
      const seen = known.current;
      const arrived = seen
        ? next.entries.filter((e) => !seen.has(e.id) && !mine.current.has(e.id)).length
        : 0;
      known.current = new Set(next.entries.map((e) => e.id));
      if (arrived > 0) setNotice({ arrived });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [articleId]);

  useEffect(() => {
    api.get<Article>(`/articles/${articleId}`).then(setArticle, (e: unknown) => setError(String(e)));
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [articleId, refresh]);

  const setCoverage = async (open: boolean) => {
    try {
      const next = open
        ? await api.put<LiveBlog>(`/articles/${articleId}/live-blog`, {})
        : await api.post<LiveBlog>(`/articles/${articleId}/live-blog/close`);
      setBlog(next);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return { article, blog, error, notice, setNotice, refresh, setCoverage, mine, posting };
}

/**
 * `/admin/live/:id`: running one live blog. The composer on top, the entries newest first below
 * (refreshed every few seconds, so colleagues' entries appear; new ones are announced to screen
 * readers), and ending or reopening the coverage.
 */
export function LiveConsole(props: { articleId: number }) {
  const { t } = usePrefs();
  const { user } = useSession();
  const { articleId } = props;
  const { article, blog, error, notice, setNotice, refresh, setCoverage, mine, posting } =
    useLiveBlog(articleId);

  if (!user) return null;
  return (
    <section className="live-console">
      <ConsoleHeading articleId={articleId} article={article} blog={blog} />
      {error && (
        <p role="alert" className="error">
          {t("errorGeneric", { message: error })}
        </p>
      )}
      {!blog && !error && <p className="muted">{t("loading")}</p>}
      {blog && (
        <>
          <CoverageBar blog={blog} setCoverage={setCoverage} />
          {blog.open && (
            <EntryComposer
              key={`${user.id}.${articleId}`}
              articleId={articleId}
              userId={user.id}
              onPosting={(active) => (posting.current += active ? 1 : -1)}
              onPosted={(entry) => {
                mine.current.add(entry.id);
                void refresh();
              }}
            />
          )}
          <EntriesSection
            articleId={articleId}
            blog={blog}
            notice={notice}
            onChanged={(message) => {
              setNotice(message);
              void refresh();
            }}
          />
        </>
      )}
    </section>
  );
}

/** Back to the list, the story's headline and the coverage's state, its public page and editor. */
function ConsoleHeading(props: { articleId: number; article: Article | null; blog: LiveBlog | null }) {
  const { t } = usePrefs();
  const tl = useLiveText();
  const { articleId, article, blog } = props;
  return (
    <>
      <p>
        <Link href="/admin/live">← {tl("liveBack")}</Link>
      </p>
      <div className="heading-row">
        <h1>{article?.headline ?? tl("liveTitle")}</h1>
        {blog && (
          <span className={blog.open ? "badge status-published" : "badge"}>
            {blog.open ? tl("liveOpen") : tl("liveClosed")}
          </span>
        )}
      </div>
      <p className="actions">
        {article?.url && article.live && (
          <a href={article.url} target="_blank" rel="noreferrer">
            {tl("liveViewSite")}
          </a>
        )}
        <Link href={`/admin/berita/${articleId}`}>{tl("liveOpenStory")}</Link>
      </p>
      {article && !article.live && (
        <p className="notice">{tl("liveNotPublished", { status: t(`status_${article.status}`) })}</p>
      )}
    </>
  );
}

/** Since when (and until when) the coverage runs; ending it (confirmed) or reopening it. */
function CoverageBar(props: { blog: LiveBlog; setCoverage(open: boolean): Promise<void> }) {
  const { zone, locale } = usePrefs();
  const tl = useLiveText();
  const { blog, setCoverage } = props;
  return (
    <div className="live-coverage">
      <p className="muted">
        {tl("liveSince", { time: formatInZone(blog.coverageStart, zone, locale) })}
        {blog.coverageEnd && ` · ${tl("liveEnded", { time: formatInZone(blog.coverageEnd, zone, locale) })}`}
      </p>
      {blog.open ? (
        <ConfirmButton
          label={tl("liveEnd")}
          title={tl("liveEndTitle")}
          text={tl("liveEndText")}
          cancel={tl("confirmCancel")}
          onConfirm={() => setCoverage(false)}
        />
      ) : (
        <button type="button" className="secondary" onClick={() => void setCoverage(true)}>
          {tl("liveReopen")}
        </button>
      )}
    </div>
  );
}

/** The entries, newest first, with the announcement of new and changed ones. */
function EntriesSection(props: {
  articleId: number;
  blog: LiveBlog;
  notice: Notice;
  onChanged(message: string): void;
}) {
  const tl = useLiveText();
  const { articleId, blog, notice } = props;
  return (
    <section aria-labelledby="live-entries-title">
      <h2 id="live-entries-title">{tl("entries", { n: blog.entries.length })}</h2>
      <p className="muted">{tl("liveRefreshed")}</p>
      <p role="status" aria-live="polite" className="save-state">
        {typeof notice === "string" ? notice : notice && tl("liveNewArrived", { n: notice.arrived })}
      </p>
      {blog.entries.length === 0 && <p className="muted">{tl("entriesNone")}</p>}
      <ol className="live-entries">
        {blog.entries.map((entry) => (
          <EntryItem
            key={`${entry.id}.${entry.updatedAt}`}
            articleId={articleId}
            entry={entry}
            onChanged={props.onChanged}
          />
        ))}
      </ol>
    </section>
  );
}
