import { useEffect, useState } from "react";
import { api } from "../lib/api.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { formatInZone } from "../lib/time.ts";
import type { Article } from "../lib/types.ts";
import type { LocalCopy } from "./draft-store.ts";

/** The editor's pieces that hold no story state of their own (editor-screen.tsx). */

const PRESENCE_EVERY_MS = 20_000;

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "local"; at: Date }
  /** The server could not be reached: kept on this device, sent again (story-save.ts). */
  | { kind: "queued" }
  | { kind: "error"; message: string };

type Translate = ReturnType<typeof usePrefs>["t"];

/** The save status line: saving, the error, waiting for the network, kept on this device, unsaved, or saved at HH:MM. */
export function saveStatusText(
  state: SaveState,
  dirty: boolean,
  t: Translate,
  time: (at: Date) => string,
): string {
  if (state.kind === "saving") return t("saving");
  if (state.kind === "error") return state.message;
  if (state.kind === "queued") return t("offline");
  if (dirty) return state.kind === "local" ? t("localSaved", { time: time(state.at) }) : t("unsaved");
  return state.kind === "saved" ? t("saved", { time: time(state.at) }) : "";
}

/** Who else has this story open, announced every 20 s while it is open here. */
function usePresence(articleId: number | null): string[] {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    if (articleId === null) return;
    let current = true;
    const beat = () =>
      api
        .post<{ others: { name: string }[] }>(`/articles/${articleId}/presence`, { state: "editing" })
        .then((r) => current && setOthers(r.others.map((o) => o.name)))
        .catch(() => undefined);
    void beat();
    const timer = setInterval(beat, PRESENCE_EVERY_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [articleId]);
  return others;
}

/** "Also editing: …" while someone else has the story open. */
export function PresenceNote(props: { articleId: number | null }) {
  const { t } = usePrefs();
  const others = usePresence(props.articleId);
  if (others.length === 0) return null;
  return (
    <p className="presence" role="status">
      {t("editingBy", { names: others.join(", ") })}
    </p>
  );
}

/** Ctrl+S (⌘S) saves instead of the browser's "save page". */
export function useSaveShortcut(save: () => Promise<boolean>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);
}

/** The story could not be loaded (gone, not allowed, offline): the reason, in the admin's language. */
export function LoadFailed(props: { message: string }) {
  const { t } = usePrefs();
  return (
    <section>
      <h1>{t("editStory")}</h1>
      <p role="alert" className="error">
        {t("errorGeneric", { message: props.message })}
      </p>
    </section>
  );
}

/** The title row: new or edit, the status badge, the scheduled time and the live link. */
export function StoryHeading(props: { isNew: boolean; server: Article | null }) {
  const { t, zone, locale } = usePrefs();
  const { server } = props;
  return (
    <div className="heading-row">
      <h1>{props.isNew ? t("newStory") : t("editStory")}</h1>
      {server && (
        <p className="meta">
          <span className={`badge status-${server.status}`}>{t(`status_${server.status}`)}</span>
          {server.status === "scheduled" && server.publishedAt && (
            <> {formatInZone(server.publishedAt, zone, locale)}</>
          )}
          {server.live && server.url && (
            <>
              {" "}
              <a href={server.url} target="_blank" rel="noopener">
                {t("viewLive")}
              </a>
            </>
          )}
        </p>
      )}
    </div>
  );
}

/** The offer of a copy kept on this device that differs from the server's. */
export function RestoreBanner(props: { offer: LocalCopy; onRestore(): void; onDiscard(): void }) {
  const { t, zone, locale } = usePrefs();
  return (
    <div className="banner" role="alert">
      <p>
        <strong>{t("restoreTitle")}</strong>{" "}
        {t("restoreText", { time: formatInZone(props.offer.savedAt, zone, locale) })}
      </p>
      <button type="button" onClick={props.onRestore}>
        {t("restore")}
      </button>{" "}
      <button type="button" className="secondary" onClick={props.onDiscard}>
        {t("discard")}
      </button>
    </div>
  );
}

/**
 * The preview of the story through the site's templates, in a new tab. With unsaved changes it
 * saves first, so the preview shows what is on screen (a live story's save is staged, not public).
 */
export function PreviewLink(props: {
  articleId: number;
  saveFirst: (() => Promise<boolean>) | null;
  onBlocked(): void;
}) {
  const { t } = usePrefs();
  const { saveFirst } = props;
  return (
    <a
      href={`/api/v1/articles/${props.articleId}/preview`}
      target="_blank"
      rel="noopener"
      className="button secondary"
      title={t("previewHint")}
      onClick={(event) => {
        if (!saveFirst) return;
        event.preventDefault();
        const href = event.currentTarget.href;
        void saveFirst().then((ok) => {
          if (ok && !window.open(href, "_blank")) props.onBlocked();
        });
      }}
    >
      {t("preview")}
    </a>
  );
}
