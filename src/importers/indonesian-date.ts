import { TIME_ZONES, timeZoneFromAbbreviation, type IndonesianTimeZone } from "../core/time-zones.ts";
import { ImportError } from "./import-error.ts";

/** A parsed Indonesian date-time: the UTC instant and the zone it was printed in. */
export interface IndonesianDateTime {
  instant: Date;
  timeZone: IndonesianTimeZone;
}

export type DateParseResult = { ok: true; value: IndonesianDateTime } | { ok: false; reason: string };

/** Month names and abbreviations (lower case) → month number. */
const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  agust: 8,
  ags: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  nopember: 11,
  desember: 12,
  des: 12,
};

const DAY = String.raw`(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)`;
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const DATE = String.raw`(?:(\d{1,2})\s+(${MONTH})\.?\s+(\d{4})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}))`;
const SEPARATOR = String.raw`(?:\s*[,|\-–—]\s*|\s+)(?:pukul\s+|jam\s+)?`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?`;
const ZONE = String.raw`(WITA|WIB|WIT)`;

/** Finds a date-time anywhere in a line, e.g. `Kompas dunia | 25 Oktober 2024, 08:08 WIB`. */
const DATE_TIME = new RegExp(String.raw`(?:${DAY}\s*,?\s*)?${DATE}${SEPARATOR}${TIME}\s*${ZONE}\b`, "iu");

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Parses an Indonesian date-time with its zone anywhere in `text`:
 * `25 Oktober 2024, 08:08 WIB`, `Kamis, 24 Oktober 2024 19:05 WIB`, `24/10/2024, 19:05 WIB`,
 * `Jumat, 25 Okt 2024 | 08:08 WITA`, `24 Okt 2024 pukul 19.05 WIT`. WIB = UTC+7, WITA = +8,
 * WIT = +9. The day name is optional and not cross-checked (pages get it wrong more often than
 * the date). Impossible calendar dates and clock times are rejected with a reason.
 */
export function tryParseIndonesianDateTime(text: string): DateParseResult {
  const match = DATE_TIME.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `Tanggal dan jam berzona (WIB/WITA/WIT) tidak dikenali: "${clip(text)}" (no Indonesian date-time with zone found).`,
    };
  }
  const [whole, dayA, monthName, yearA, dayB, monthB, yearB, hourText, minuteText, secondText, zoneText] =
    match;
  const day = Number(dayA ?? dayB);
  const month = monthName !== undefined ? (MONTHS[monthName.toLowerCase()] ?? 0) : Number(monthB);
  const year = Number(yearA ?? yearB);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  const shown = clip(whole.trim());

  if (month < 1 || month > 12) {
    return { ok: false, reason: `Bulan tidak ada: "${shown}" (impossible month).` };
  }
  if (year < 1900 || year > 2200) {
    return { ok: false, reason: `Tahun di luar jangkauan: "${shown}" (year out of range).` };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `Tanggal mustahil: "${shown}" (impossible calendar date).` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `Jam mustahil: "${shown}" (impossible time of day).` };
  }
  const timeZone = timeZoneFromAbbreviation(zoneText ?? "");
  if (timeZone === null) {
    return { ok: false, reason: `Zona waktu tidak dikenal: "${shown}" (unknown time zone).` };
  }
  const offsetMs = TIME_ZONES[timeZone].offsetHours * 3_600_000;
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMs);
  return { ok: true, value: { instant, timeZone } };
}

/** Like `tryParseIndonesianDateTime`, but throws an `ImportError` ("invalid_date") with the reason. */
export function parseIndonesianDateTime(text: string): IndonesianDateTime {
  const result = tryParseIndonesianDateTime(text);
  if (!result.ok) throw new ImportError("invalid_date", result.reason);
  return result.value;
}

/** True when `text` contains something shaped like a date-time with zone, valid or not. */
export function looksLikeIndonesianDateTime(text: string): boolean {
  return DATE_TIME.test(text);
}

/** Maps a UTC offset in minutes to an Indonesian zone (for ISO/RFC dates in HTML and feeds). */
export function timeZoneFromOffsetMinutes(offsetMinutes: number): IndonesianTimeZone | null {
  for (const [zone, info] of Object.entries(TIME_ZONES)) {
    if (info.offsetHours * 60 === offsetMinutes) return zone as IndonesianTimeZone;
  }
  return null;
}

/**
 * Parses a machine date (ISO 8601, RFC 822 as in RSS) into the ISO UTC string and, when the text
 * carries a +07/+08/+09 offset, its zone. A date-time without an offset is WIB (Indonesian outlets
 * mean their desk time), or UTC with `assumeUtc` (WordPress `*_gmt` fields).
 */
export function parseMachineDate(
  text: string,
  options: { assumeUtc?: boolean } = {},
): { iso: string; timeZone: IndonesianTimeZone | null } | null {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("0000-00-00")) return null;
  // Repairs seen on real pages: `2015-06-16T14-05-11Z` (dashes in the time), `…+07:00Z` (both).
  const repaired = trimmed
    .replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})/u, "$1:$2:$3")
    .replace(/([+-]\d{2}:?\d{2})Z$/iu, "$1");
  const parts =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/iu.exec(
      repaired,
    );
  if (parts !== null && parts[3] === undefined) {
    // No offset: a feed's WordPress GMT field is UTC; anywhere else the outlet's own zone, WIB.
    const time = Date.parse(`${parts[1]}T${parts[2]}${options.assumeUtc ? "Z" : "+07:00"}`);
    if (Number.isNaN(time)) return null;
    return { iso: new Date(time).toISOString(), timeZone: options.assumeUtc ? null : "Asia/Jakarta" };
  }
  const time = Date.parse(repaired);
  if (Number.isNaN(time)) return null;
  return { iso: new Date(time).toISOString(), timeZone: zoneOfOffsetText(repaired) };
}

function zoneOfOffsetText(text: string): IndonesianTimeZone | null {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text) ?? /([+-])(\d{2}):?(\d{2})\s*$/.exec(text);
  if (offset) {
    const sign = offset[1] === "-" ? -1 : 1;
    return timeZoneFromOffsetMinutes(sign * (Number(offset[2]) * 60 + Number(offset[3])));
  }
  const abbreviation = /\b(WITA|WIB|WIT)\s*$/i.exec(text);
  return abbreviation ? timeZoneFromAbbreviation(abbreviation[1] ?? "") : null;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
