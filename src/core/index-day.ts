import { INDONESIAN_DAYS, INDONESIAN_MONTHS, wallClock } from "./house-date.ts";
import { TIME_ZONES, type IndonesianTimeZone } from "./time-zones.ts";

/**
 * A day of the Indeks (`/indeks/2026-11-25`): a calendar day in the house time zone (WIB), so a
 * story published at 23:30 WIB belongs to that day although it is 16:30 UTC.
 */
export const INDEX_TIME_ZONE: IndonesianTimeZone = "Asia/Jakarta";
/** The first day the Indeks offers; older dates are not pages. */
export const FIRST_INDEX_DAY = "2000-01-01";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number): string => String(n).padStart(2, "0");

/** `YYYY-MM-DD` of an instant in the house time zone. */
export function indexDayOf(instant: Date, timeZone: IndonesianTimeZone = INDEX_TIME_ZONE): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** A real calendar date written `YYYY-MM-DD`, or null (2026-02-30 and 2026-1-5 are not). */
export function parseIndexDay(value: string): string | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return value;
}

/** The UTC instants the day covers: [start, end). */
export function indexDayBounds(day: string, timeZone: IndonesianTimeZone = INDEX_TIME_ZONE) {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const offset = TIME_ZONES[timeZone].offsetHours * 3_600_000;
  const start = new Date(Date.UTC(year, month - 1, date) - offset);
  return { start, end: new Date(start.getTime() + 24 * 3_600_000) };
}

/** The day before or after (`delta` days). */
export function shiftIndexDay(day: string, delta: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + delta)).toISOString().slice(0, 10);
}

/** `Rabu, 25 November 2026`. */
export function formatIndexDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return `${INDONESIAN_DAYS[weekday]}, ${date} ${INDONESIAN_MONTHS[month - 1]} ${year}`;
}
