import { useState } from "react";
import { api } from "../lib/api.ts";
import { ConfirmButton } from "../lib/confirm-button.tsx";
import { formErrorsOf } from "../lib/field-errors.ts";
import { useLiveText } from "../lib/messages-live.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { Link } from "../lib/router.tsx";
import { SearchPick } from "../lib/search-pick.tsx";
import { searchStories } from "../live/live-list.tsx";
import { useStories, type Topic } from "./topic-types.ts";

/**
 * A topic's timeline in the newsroom: its stories (with status; readers see only the live ones),
 * a search to add one, and `Keluarkan` (confirmed) to take one out.
 */
export function TopicStories(props: { topic: Topic; onChanged(topic: Topic): void }) {
  const { t } = usePrefs();
  const tl = useLiveText();
  const { topic } = props;
  const stories = useStories(topic.articleIds);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = async (message: string) => {
    props.onChanged(await api.get<Topic>(`/topics/${topic.id}`));
    setNotice(message);
  };
  const run = async (write: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      await write();
      await reload(message);
    } catch (e) {
      setError(formErrorsOf(e).message ?? String(e));
    }
  };

  return (
    <section aria-labelledby="topic-stories-title">
      <h2 id="topic-stories-title">{tl("topicStories", { n: topic.articleIds.length })}</h2>
      <SearchPick
        label={tl("topicStoryAdd")}
        search={searchStories}
        onPick={(story) =>
          void run(
            () => api.put(`/topics/${topic.id}/articles/${story.id}`, undefined),
            tl("topicStoryAdded", { headline: story.name }),
          )
        }
      />
      <p role="status" className="save-state">
        {notice}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {topic.articleIds.length === 0 && <p className="muted">{tl("topicStoriesNone")}</p>}
      <ul className="topic-stories">
        {topic.articleIds.map((id) => {
          const story = stories.get(id);
          const headline = story?.headline ?? `#${id}`;
          return (
            <li key={id}>
              <span>
                <Link href={`/admin/berita/${id}`}>{headline}</Link>{" "}
                {story && <span className="badge">{t(`status_${story.status}`)}</span>}
                {topic.pinnedArticleId === id && (
                  <span className="badge status-published">{tl("topicPinned")}</span>
                )}
              </span>
              <ConfirmButton
                label={tl("topicStoryRemove")}
                title={tl("topicStoryRemoveTitle")}
                text={tl("topicStoryRemoveText", { headline })}
                cancel={tl("confirmCancel")}
                onConfirm={() =>
                  run(() => api.delete(`/topics/${topic.id}/articles/${id}`), tl("topicStoryRemoved"))
                }
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
