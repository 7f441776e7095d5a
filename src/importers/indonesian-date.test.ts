import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isImportError } from "./import-error.ts";
import {
  parseIndonesianDateTime,
  parseMachineDate,
  timeZoneFromOffsetMinutes,
  tryParseIndonesianDateTime,
} from "./indonesian-date.ts";

const iso = (text: string): string => parseIndonesianDateTime(text).instant.toISOString();

describe("parseIndonesianDateTime", () => {
  it("parses the house style with WIB as UTC+7", () => {
    const parsed = parseIndonesianDateTime("25 Oktober 2024, 08:08 WIB");
    assert.equal(parsed.instant.toISOString(), "2024-10-25T01:08:00.000Z");
    assert.equal(parsed.timeZone, "Asia/Jakarta");
  });

  it("accepts a leading day name and no comma before the time", () => {
    assert.equal(iso("Kamis, 24 Oktober 2024 19:05 WIB"), "2024-10-24T12:05:00.000Z");
  });

  it("accepts numeric dates", () => {
    assert.equal(iso("24/10/2024, 19:05 WIB"), "2024-10-24T12:05:00.000Z");
    assert.equal(iso("Rabu, 3-7-2024 06:30 WIB"), "2024-07-02T23:30:00.000Z");
  });

  it("maps WITA to UTC+8 and WIT to UTC+9", () => {
    const wita = parseIndonesianDateTime("Jumat, 25 Okt 2024 | 08:08 WITA");
    assert.equal(wita.instant.toISOString(), "2024-10-25T00:08:00.000Z");
    assert.equal(wita.timeZone, "Asia/Makassar");
    const wit = parseIndonesianDateTime("Sabtu, 26 Okt 2024 07:00 WIT");
    assert.equal(wit.instant.toISOString(), "2024-10-25T22:00:00.000Z");
    assert.equal(wit.timeZone, "Asia/Jayapura");
  });

  it("accepts 'pukul' and dotted times", () => {
    assert.equal(iso("Kamis, 24 Oktober 2024 pukul 19.05 WIB"), "2024-10-24T12:05:00.000Z");
    assert.equal(iso("24 Okt 2024, pukul 07.15 WIT"), "2024-10-23T22:15:00.000Z");
  });

  it("knows every month abbreviation", () => {
    const cases: [string, number][] = [
      ["Jan", 1],
      ["Feb", 2],
      ["Mar", 3],
      ["Apr", 4],
      ["Mei", 5],
      ["Jun", 6],
      ["Jul", 7],
      ["Agu", 8],
      ["Agt", 8],
      ["Agust", 8],
      ["Sep", 9],
      ["Sept", 9],
      ["Okt", 10],
      ["Nov", 11],
      ["Des", 12],
    ];
    for (const [abbreviation, month] of cases) {
      const parsed = parseIndonesianDateTime(`10 ${abbreviation} 2023 12:00 WIB`);
      assert.equal(parsed.instant.getUTCMonth() + 1, month, abbreviation);
      assert.equal(parsed.instant.getUTCDate(), 10, abbreviation);
    }
  });

  it("knows every day name", () => {
    for (const day of ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu"]) {
      assert.equal(iso(`${day}, 1 Januari 2024 00:00 WIB`), "2023-12-31T17:00:00.000Z", day);
    }
  });

  it("finds the date inside a longer line", () => {
    assert.equal(iso("Kompas dunia | 25 Oktober 2024, 08:08 WIB"), "2024-10-25T01:08:00.000Z");
  });

  it("accepts a leap day and rejects 29 Februari in a common year", () => {
    assert.equal(iso("29 Februari 2024 10:00 WIB"), "2024-02-29T03:00:00.000Z");
    const result = tryParseIndonesianDateTime("29 Februari 2023 10:00 WIB");
    assert.equal(result.ok, false);
  });

  it("rejects impossible dates and times with a reason", () => {
    for (const text of [
      "31 Februari 2024, 10:00 WIB",
      "25 Oktober 2024, 25:61 WIB",
      "32/01/2024 10:00 WIB",
    ]) {
      const result = tryParseIndonesianDateTime(text);
      assert.equal(result.ok, false, text);
      if (!result.ok) assert.match(result.reason, /mustahil|impossible/);
    }
    assert.throws(
      () => parseIndonesianDateTime("31 Februari 2024, 10:00 WIB"),
      (error: unknown) =>
        isImportError(error) && error.code === "invalid_date" && !error.message.includes("\n"),
    );
  });

  it("rejects text without a zone or without a date", () => {
    assert.equal(tryParseIndonesianDateTime("25 Oktober 2024, 08:08").ok, false);
    assert.equal(tryParseIndonesianDateTime("Presiden berpidato").ok, false);
    assert.equal(tryParseIndonesianDateTime("25 Octobre 2024 08:08 WIB").ok, false);
  });
});

describe("parseMachineDate", () => {
  it("reads ISO with an Indonesian offset and keeps the zone", () => {
    assert.deepEqual(parseMachineDate("2024-10-25T09:15:00+08:00"), {
      iso: "2024-10-25T01:15:00.000Z",
      timeZone: "Asia/Makassar",
    });
  });

  it("reads RFC 822 dates as used by RSS", () => {
    assert.deepEqual(parseMachineDate("Fri, 25 Oct 2024 08:08:00 +0700"), {
      iso: "2024-10-25T01:08:00.000Z",
      timeZone: "Asia/Jakarta",
    });
  });

  it("treats WordPress GMT dates as UTC and empty WordPress dates as absent", () => {
    assert.equal(
      parseMachineDate("2024-10-25 01:08:00", { assumeUtc: true })?.iso,
      "2024-10-25T01:08:00.000Z",
    );
    assert.equal(parseMachineDate("0000-00-00 00:00:00", { assumeUtc: true }), null);
    assert.equal(parseMachineDate("bukan tanggal"), null);
  });

  it("maps offsets to zones", () => {
    assert.equal(timeZoneFromOffsetMinutes(540), "Asia/Jayapura");
    assert.equal(timeZoneFromOffsetMinutes(0), null);
  });
});
