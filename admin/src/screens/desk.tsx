import { useCallback, useEffect, useState } from "react";
import { api, qs } from "../lib/api.ts";
import type { MessageKey } from "../lib/messages.ts";
import { Link } from "../lib/router.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { useSession } from "../lib/session.tsx";
import type { ArticleStatus, ListItem, Page } from "../lib/types.ts";
import { CorrectionsLane } from "./corrections-lane.tsx";
import { EditingBy, usePresenceOn, type PresenceByStory } from "./desk-presence.tsx";
import { StoryLink, StoryTime } from "./story-row.tsx";

interface Lane {
  title: MessageKey;
  status: ArticleStatus;
  mine?: boolean;
}

const LANES: Lane[] = [
  { title: "myDrafts", status: "draft", mine: true },
  { title: "waitingReview", status: "in_review" },
  { title: "approved", status: "approved" },
  { title: "scheduled", status: "scheduled" },
  { title: "recentlyPublished", status: "published" },
];

/**
 * The desk: what needs attention, newest activity first (GET /articles per lane), and who else
 * has each story open (one GET /articles/presence for every lane).
 */
export function DeskScreen() {
  const { t } = usePrefs();
  const [shown, setShown] = useState<Record<string, number[]>>({});
  const onShown = useCallback((lane: string, ids: number[]) => setShown((s) => ({ ...s, [lane]: ids })), []);
  // Asked once every lane has its stories, so the first look is one request, not one per lane.
  const presence = usePresenceOn(
    Object.keys(shown).length === LANES.length ? Object.values(shown).flat() : [],
  );
  return (
    <section>
      <div className="heading-row">
        <h1>{t("desk")}</h1>
        <Link href="/admin/berita/baru" className="button">
          {t("write")}
        </Link>
      </div>
      <div className="lanes">
        {LANES.map((lane) => (
          <DeskLane key={lane.title} lane={lane} presence={presence} onShown={onShown} />
        ))}
        <CorrectionsLane />
      </div>
    </section>
  );
}

function DeskLane(props: {
  lane: Lane;
  presence: PresenceByStory;
  onShown(lane: string, ids: number[]): void;
}) {
  const { t } = usePrefs();
  const { user } = useSession();
  const [items, setItems] = useState<ListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { status, mine, title } = props.lane;
  const { onShown } = props;
  useEffect(() => {
    api
      .get<Page<ListItem>>(`/articles${qs({ status, userId: mine ? user?.id : undefined, limit: 10 })}`)
      .then((page) => {
        setItems(page.items);
        onShown(
          title,
          page.items.map((i) => i.id),
        );
      })
      .catch((e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        onShown(title, []);
      });
  }, [status, mine, user?.id, title, onShown]);
  const headingId = `lane-${status}`;
  return (
    <section className="lane" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(title)}</h2>
      {error && <p className="error">{t("errorGeneric", { message: error })}</p>}
      {!items && !error && <p className="muted">{t("loading")}</p>}
      {items && items.length === 0 && <p className="muted">{t("empty")}</p>}
      {items && items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <StoryLink item={item} /> <StoryTime item={item} />{" "}
              <EditingBy names={props.presence.get(item.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
