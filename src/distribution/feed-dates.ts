import { formatIsoWithOffset } from "../core/house-date.ts";
import { TIME_ZONES, type IndonesianTimeZone } from "../core/time-zones.ts";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const pad = (n: number): string => String(n).padStart(2, "0");

/** RFC 822 (RSS 2.0) in the zone's wall clock: `Fri, 25 Oct 2024 08:08:00 +0700`. English names, as RFC 822 requires. */
export function formatRfc822(instant: Date, timeZone: IndonesianTimeZone): string {
  const offset = TIME_ZONES[timeZone].offsetHours;
  const t = new Date(instant.getTime() + offset * 3_600_000);
  return (
    `${DAYS[t.getUTCDay()]}, ${pad(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ` +
    `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} +${pad(offset)}00`
  );
}

/** RFC 3339 with the zone's offset (Atom, JSON Feed, sitemaps, JSON-LD): `2024-10-25T08:08:00+07:00`. */
export const formatRfc3339 = formatIsoWithOffset;

/** The later of two instants (either may be missing). */
export function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
