import { useEffect, useState } from "react";
import { api, qs } from "../lib/api.ts";
import { Link } from "../lib/router.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { formatInZone } from "../lib/time.ts";
import type { Page } from "../lib/types.ts";

interface RecentCorrection {
  id: number;
  articleId: number;
  headline: string;
  kind: "koreksi" | "ralat";
  note: string;
  at: string;
}

/** The desk's corrections lane: the newest corrections and errata on live stories (GET /corrections). */
export function CorrectionsLane() {
  const { t, zone, locale } = usePrefs();
  const [items, setItems] = useState<RecentCorrection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<Page<RecentCorrection>>(`/corrections${qs({ limit: 10 })}`)
      .then((page) => setItems(page.items))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <section className="lane" aria-labelledby="lane-corrections">
      <h2 id="lane-corrections">{t("correctionsLane")}</h2>
      {error && <p className="error">{t("errorGeneric", { message: error })}</p>}
      {!items && !error && <p className="muted">{t("loading")}</p>}
      {items && items.length === 0 && <p className="muted">{t("empty")}</p>}
      {items && items.length > 0 && (
        <ul>
          {items.map((c) => (
            <li key={c.id}>
              {t("correctionsOn", { kind: t(`correctionKind_${c.kind}`) })}{" "}
              <Link href={`/admin/berita/${c.articleId}`}>{c.headline}</Link>{" "}
              <time dateTime={c.at}>{formatInZone(c.at, zone, locale)}</time>
              <br />
              <span className="muted">{c.note}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
