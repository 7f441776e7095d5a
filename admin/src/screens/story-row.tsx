import { Link } from "../lib/router.tsx";
import { usePrefs } from "../lib/prefs.tsx";
import { formatInZone } from "../lib/time.ts";
import type { ListItem } from "../lib/types.ts";

/** One story in a desk list: headline (link to the editor), status and the time that matters. */
export function StoryTime(props: { item: ListItem }) {
  const { zone, locale } = usePrefs();
  const item = props.item;
  const iso = item.status === "scheduled" || item.status === "published" ? item.publishedAt : item.modifiedAt;
  return <time dateTime={iso ?? undefined}>{formatInZone(iso, zone, locale)}</time>;
}

export function StoryLink(props: { item: ListItem }) {
  return <Link href={`/admin/berita/${props.item.id}`}>{props.item.headline || `#${props.item.id}`}</Link>;
}
