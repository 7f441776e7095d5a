import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatIndexDay, indexDayBounds, indexDayOf, parseIndexDay, shiftIndexDay } from "./index-day.ts";

describe("Indeks days", () => {
  it("takes the day in WIB: 23:30 WIB is still that day, 00:30 WIB the next", () => {
    assert.equal(indexDayOf(new Date("2026-11-25T16:30:00Z")), "2026-11-25");
    assert.equal(indexDayOf(new Date("2026-11-25T17:30:00Z")), "2026-11-26");
  });

  it("covers exactly 24 hours from midnight WIB", () => {
    const { start, end } = indexDayBounds("2026-11-25");
    assert.equal(start.toISOString(), "2026-11-24T17:00:00.000Z");
    assert.equal(end.toISOString(), "2026-11-25T17:00:00.000Z");
  });

  it("accepts only real dates written YYYY-MM-DD", () => {
    assert.equal(parseIndexDay("2024-02-29"), "2024-02-29");
    for (const bad of ["2026-02-30", "2026-13-01", "2026-1-05", "25-11-2026", "2026-11-25x", ""])
      assert.equal(parseIndexDay(bad), null, bad);
  });

  it("moves across months and years and names the day in Indonesian", () => {
    assert.equal(shiftIndexDay("2026-12-31", 1), "2027-01-01");
    assert.equal(shiftIndexDay("2026-03-01", -1), "2026-02-28");
    assert.equal(formatIndexDay("2026-11-25"), "Rabu, 25 November 2026");
  });
});
