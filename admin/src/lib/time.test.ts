import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dayRangeToIso, formatInZone, isoToWallClock, wallClockToIso } from "./time.ts";

describe("desk times in WIB/WITA/WIT", () => {
  it("reads a picked wall-clock time in the desk's zone and writes it back", () => {
    assert.equal(wallClockToIso("2026-12-04T10:00", "Asia/Jakarta"), "2026-12-04T03:00:00.000Z");
    assert.equal(wallClockToIso("2026-12-04T10:00", "Asia/Jayapura"), "2026-12-04T01:00:00.000Z");
    assert.equal(wallClockToIso("2026-12-04T05:30", "Asia/Makassar"), "2026-12-03T21:30:00.000Z");
    assert.equal(isoToWallClock("2026-12-03T21:30:00.000Z", "Asia/Makassar"), "2026-12-04T05:30");
    assert.equal(wallClockToIso("besok", "Asia/Jakarta"), null);
  });

  it("shows instants with the zone's abbreviation", () => {
    assert.match(formatInZone("2026-12-04T03:00:00.000Z", "Asia/Jakarta", "id-ID"), /10[.:]00 WIB$/);
    assert.match(formatInZone("2026-12-04T03:00:00.000Z", "Asia/Jayapura", "id-ID"), /12[.:]00 WIT$/);
  });

  it("turns a range of whole days in the desk's zone into instants, the last day included", () => {
    assert.deepEqual(dayRangeToIso("2026-03-06", "2026-03-07", "Asia/Jakarta"), {
      from: "2026-03-05T17:00:00.000Z",
      to: "2026-03-07T17:00:00.000Z",
    });
    assert.deepEqual(dayRangeToIso("", "2026-03-06", "Asia/Jayapura"), { to: "2026-03-06T15:00:00.000Z" });
    assert.deepEqual(dayRangeToIso("2026-03-06", "", "Asia/Makassar"), { from: "2026-03-05T16:00:00.000Z" });
    assert.deepEqual(dayRangeToIso("", "", "Asia/Jakarta"), {});
  });
});
