/** Indonesia's three time zones and the abbreviation used in house style. */
export type IndonesianTimeZone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";

export const TIME_ZONES: Readonly<Record<IndonesianTimeZone, { abbreviation: string; offsetHours: number }>> =
  {
    "Asia/Jakarta": { abbreviation: "WIB", offsetHours: 7 },
    "Asia/Makassar": { abbreviation: "WITA", offsetHours: 8 },
    "Asia/Jayapura": { abbreviation: "WIT", offsetHours: 9 },
  };

export const INDONESIAN_TIME_ZONES = Object.keys(TIME_ZONES) as IndonesianTimeZone[];

export function timeZoneFromAbbreviation(abbreviation: string): IndonesianTimeZone | null {
  const upper = abbreviation.toUpperCase();
  for (const zone of INDONESIAN_TIME_ZONES) if (TIME_ZONES[zone].abbreviation === upper) return zone;
  return null;
}
