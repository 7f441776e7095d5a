import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatHouseDate, formatHouseDateTime, formatIsoWithOffset } from "./house-date.ts";

describe("house date style", () => {
  it("formats the reference time in WIB", () => {
    assert.equal(
      formatHouseDateTime(new Date("2024-10-25T01:08:00Z"), "Asia/Jakarta"),
      "25 Oktober 2024, 08:08 WIB",
    );
  });

  it("uses WITA and WIT for Makassar and Jayapura", () => {
    const instant = new Date("2024-10-25T01:08:00Z");
    assert.equal(formatHouseDateTime(instant, "Asia/Makassar"), "25 Oktober 2024, 09:08 WITA");
    assert.equal(formatHouseDateTime(instant, "Asia/Jayapura"), "25 Oktober 2024, 10:08 WIT");
  });

  it("crosses the day boundary into the local date", () => {
    // 17:30 UTC on the 24th is already the 25th in Jakarta.
    assert.equal(
      formatHouseDateTime(new Date("2024-10-24T17:30:00Z"), "Asia/Jakarta"),
      "25 Oktober 2024, 00:30 WIB",
    );
    assert.equal(
      formatHouseDateTime(new Date("2024-10-24T16:59:00Z"), "Asia/Jakarta"),
      "24 Oktober 2024, 23:59 WIB",
    );
  });

  it("crosses the year boundary by zone", () => {
    const instant = new Date("2025-12-31T15:30:00Z");
    assert.equal(formatHouseDateTime(instant, "Asia/Jakarta"), "31 Desember 2025, 22:30 WIB");
    assert.equal(formatHouseDateTime(instant, "Asia/Makassar"), "31 Desember 2025, 23:30 WITA");
    assert.equal(formatHouseDateTime(instant, "Asia/Jayapura"), "1 Januari 2026, 00:30 WIT");
  });

  it("formats dates without time and ISO with the zone's offset", () => {
    assert.equal(formatHouseDate(new Date("2024-02-29T20:00:00Z"), "Asia/Jayapura"), "1 Maret 2024");
    assert.equal(
      formatIsoWithOffset(new Date("2024-10-25T01:08:00Z"), "Asia/Jakarta"),
      "2024-10-25T08:08:00+07:00",
    );
    assert.equal(
      formatIsoWithOffset(new Date("2025-12-31T15:30:00Z"), "Asia/Jayapura"),
      "2026-01-01T00:30:00+09:00",
    );
  });
});
