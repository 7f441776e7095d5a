import { useEffect, useState } from "react";
import { api, qs } from "../lib/api.ts";
import { usePrefs } from "../lib/prefs.tsx";

const REFRESH_MS = 20_000;

/** Names of the others who have a story open, by story id. */
export type PresenceByStory = ReadonlyMap<number, string[]>;

interface PresencePage {
  items: { articleId: number; others: { name: string }[] }[];
}

/**
 * Who else has each of these stories open: one `GET /articles/presence?ids=…` for everything on
 * screen (never one per row), again every 20 s (the editors' heartbeat interval) and whenever the
 * set of stories changes.
 */
export function usePresenceOn(ids: readonly number[]): PresenceByStory {
  const [byStory, setByStory] = useState<PresenceByStory>(new Map());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(",");
  useEffect(() => {
    if (key === "") {
      setByStory(new Map());
      return;
    }
    let current = true;
    const ask = () =>
      api
        .get<PresencePage>(`/articles/presence${qs({ ids: key.split(",") })}`)
        .then((page) => {
          if (current) setByStory(new Map(page.items.map((i) => [i.articleId, i.others.map((o) => o.name)])));
        })
        .catch(() => undefined);
    void ask();
    const timer = setInterval(ask, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [key]);
  return byStory;
}

/** "Sedang disunting oleh …" beside a story in a list, when someone else has it open. */
export function EditingBy(props: { names: readonly string[] | undefined }) {
  const { t } = usePrefs();
  if (!props.names || props.names.length === 0) return null;
  return <span className="editing-by">{t("editingBy", { names: props.names.join(", ") })}</span>;
}
