import { TIME_ZONES } from "../../../src/core/time-zones.ts";
import type { Zone } from "./types.ts";

/** Dates and times in the desk's zone (WIB/WITA/WIT): fixed offsets, Indonesia has no DST. */
export const ZONES: Zone[] = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

export function zoneAbbreviation(zone: Zone): string {
  return TIME_ZONES[zone].abbreviation;
}

export function formatInZone(iso: string | null, zone: Zone, locale: string): string {
  if (!iso) return "";
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso));
  return `${text} ${zoneAbbreviation(zone)}`;
}

export function timeOnly(date: Date, zone: Zone, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(date);
  return `${text} ${zoneAbbreviation(zone)}`;
}

/** A `datetime-local` value ("2026-12-04T10:00") read as wall-clock time in `zone` → UTC ISO. */
export function wallClockToIso(value: string, zone: Zone): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h - TIME_ZONES[zone].offsetHours, mi)).toISOString();
}

/** UTC ISO → the `datetime-local` value of that instant in `zone`. */
export function isoToWallClock(iso: string, zone: Zone): string {
  const shifted = new Date(new Date(iso).getTime() + TIME_ZONES[zone].offsetHours * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * A range of whole days ("2026-03-06" … "2026-03-07", either end may be empty) in `zone` → UTC ISO
 * instants: from the start of the first day to the start of the day after the last.
 */
export function dayRangeToIso(from: string, to: string, zone: Zone): { from?: string; to?: string } {
  const start = from ? wallClockToIso(`${from}T00:00`, zone) : null;
  const lastDay = to ? wallClockToIso(`${to}T00:00`, zone) : null;
  return {
    ...(start ? { from: start } : {}),
    ...(lastDay ? { to: new Date(new Date(lastDay).getTime() + 86_400_000).toISOString() } : {}),
  };
}
