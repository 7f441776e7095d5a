import { TIME_ZONES, type IndonesianTimeZone } from "./time-zones.ts";

export const INDONESIAN_MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

export const INDONESIAN_DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"] as const;

/** Wall-clock parts of an instant in one of Indonesia's zones (fixed offsets, no DST). */
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 0 = Minggu
  hour: number;
  minute: number;
}

export function wallClock(instant: Date, timeZone: IndonesianTimeZone): WallClock {
  const shifted = new Date(instant.getTime() + TIME_ZONES[timeZone].offsetHours * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** House style: `25 Oktober 2024, 08:08 WIB`. */
export function formatHouseDateTime(instant: Date, timeZone: IndonesianTimeZone): string {
  const t = wallClock(instant, timeZone);
  return `${t.day} ${INDONESIAN_MONTHS[t.month - 1]} ${t.year}, ${pad(t.hour)}:${pad(t.minute)} ${TIME_ZONES[timeZone].abbreviation}`;
}

/** Date only: `25 Oktober 2024`. */
export function formatHouseDate(instant: Date, timeZone: IndonesianTimeZone): string {
  const t = wallClock(instant, timeZone);
  return `${t.day} ${INDONESIAN_MONTHS[t.month - 1]} ${t.year}`;
}

/** ISO 8601 with the zone's offset, e.g. `2024-10-25T08:08:00+07:00` (for `<time datetime>` and JSON-LD). */
export function formatIsoWithOffset(instant: Date, timeZone: IndonesianTimeZone): string {
  const offset = TIME_ZONES[timeZone].offsetHours;
  const shifted = new Date(instant.getTime() + offset * 3_600_000);
  const local = shifted.toISOString().slice(0, 19);
  return `${local}+${pad(offset)}:00`;
}
