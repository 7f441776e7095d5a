import { TIME_ZONES, timeZoneFromAbbreviation, type IndonesianTimeZone } from "../core/time-zones.ts";

/**
 * Date-times as Indonesian pages print them, zone optional: `Minggu, 22 Maret 2015 | 13:37 WIB`,
 * `Selasa 16 Jun 2015, 14:05 WIB`, `on 18 Jun 2015 at 06:25 WIB`, `Oleh X pada 18 Jan 2019, 22:18 WIB`,
 * `Jum'at, 19 Juni 2015 - 11:58 wib`, `JABAR | 16 Juni 2021 13:00`, `22/10/2025 06:59`,
 * `Pinjungwati02 Jun 2020, 19:15 WIB` (glued to a byline), `7 Oktober 2020, 15:13 WIB`.
 * A time printed without a zone is read in `defaultZone` (the outlet's local zone; WIB unless told).
 * Every pattern is linear: bounded repetitions only, no nested quantifiers.
 */
export interface PrintedDateTime {
  instant: Date;
  timeZone: IndonesianTimeZone;
  /** True when the text printed WIB/WITA/WIT. */
  zonePrinted: boolean;
  /** Where the date starts and ends in the text. */
  index: number;
  end: number;
  /** The calendar date or clock time is impossible (31 Februari, 25:61). */
  impossible: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, pebruari: 2, february: 2, peb: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, agust: 8, ags: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nopember: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
}; // prettier-ignore

const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const NAMED = String.raw`(?<!\d)(\d{1,2})\s{0,3}(${MONTH})(?!\p{L})\.?,?\s{1,3}(\d{4})(?!\d)`;
const NUMERIC = String.raw`(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`;
const SEPARATOR = String.raw`(?:\s{0,3}[,|\-–—/]\s{0,3}|\s{1,3})(?:(?:pukul|jam|at|pk\.?)\s{1,3})?`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?`;
const ZONE = String.raw`(?:\s{0,3}(WITA|WIB|WIT)\b)?`;
const PRINTED = new RegExp(
  String.raw`(?:${NAMED}|${NUMERIC})(?:${SEPARATOR}${TIME}(?![\d:])${ZONE})?`,
  "giu",
);

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Every printed date in `text`, in order; those without a clock time have `hasTime: false`. */
export function findPrintedDates(
  text: string,
  defaultZone: IndonesianTimeZone = "Asia/Jakarta",
): (PrintedDateTime & { hasTime: boolean })[] {
  const found: (PrintedDateTime & { hasTime: boolean })[] = [];
  if (text.length > 2000) return found;
  for (const match of text.matchAll(PRINTED)) {
    const [whole, dA, monthName, yA, dB, mB, yB, hour, minute, second, zone] = match;
    const day = Number(dA ?? dB);
    const month = monthName !== undefined ? (MONTHS[monthName.toLowerCase()] ?? 0) : Number(mB);
    const year = Number(yA ?? yB);
    const h = Number(hour ?? 0);
    const m = Number(minute ?? 0);
    const s = Number(second ?? 0);
    if (year < 1900 || year > 2200) continue;
    const impossible =
      month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || h > 23 || m > 59 || s > 59;
    const timeZone = (zone === undefined ? null : timeZoneFromAbbreviation(zone)) ?? defaultZone;
    const offsetMs = TIME_ZONES[timeZone].offsetHours * 3_600_000;
    found.push({
      instant: new Date(Date.UTC(year, month - 1, day, h, m, s) - offsetMs),
      timeZone,
      zonePrinted: zone !== undefined,
      index: match.index,
      end: match.index + whole.length,
      impossible,
      hasTime: hour !== undefined,
    });
  }
  return found;
}

/** The first printed date-time (with a clock time) in `text`, or null. */
export function findPrintedDateTime(
  text: string,
  defaultZone: IndonesianTimeZone = "Asia/Jakarta",
): PrintedDateTime | null {
  return findPrintedDates(text, defaultZone).find((date) => date.hasTime) ?? null;
}
