import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isAppError } from "../../core/errors.ts";
import { etagMatches, versionEtag, weakEtag } from "./etag.ts";
import { decodeCursor, encodeCursor, paginateSorted, toPage } from "./pagination.ts";

describe("cursor pagination", () => {
  it("round-trips opaque base64url cursors", () => {
    const cursor = encodeCursor({ key: "2024-10-25T01:08:00.000Z", id: 42 });
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeCursor(cursor), { key: "2024-10-25T01:08:00.000Z", id: 42 });
    assert.equal(decodeCursor(undefined), null);
  });

  it("rejects tampered cursors as a validation error on query.cursor", () => {
    for (const bad of [
      "%%%",
      Buffer.from("[1]").toString("base64url"),
      Buffer.from('["a",1.5]').toString("base64url"),
    ]) {
      assert.throws(
        () => decodeCursor(bad),
        (e: unknown) =>
          isAppError(e) && e.code === "validation_failed" && e.details[0]?.field === "query.cursor",
      );
    }
  });

  it("gives a next cursor only when there is one more row than the limit", () => {
    const rows = [1, 2, 3].map((id) => ({ id, at: `t${id}` }));
    assert.equal(toPage(rows.slice(0, 2), 2, (r) => r.at).nextCursor, null);
    const page = toPage(rows, 2, (r) => r.at);
    assert.deepEqual(
      page.items.map((r) => r.id),
      [1, 2],
    );
    assert.deepEqual(decodeCursor(page.nextCursor ?? ""), { key: "t2", id: 2 });
  });

  it("pages a sorted list and continues sensibly when the cursor's item is gone", () => {
    const all = ["Adi", "Budi", "Citra", "Dewi", "Eka"].map((name, i) => ({ id: i + 1, name }));
    const keyOf = (p: { name: string }) => p.name;
    const first = paginateSorted(all, { limit: 2, keyOf });
    const second = paginateSorted(all, { limit: 2, cursor: first.nextCursor ?? "", keyOf });
    assert.deepEqual(second.items.map(keyOf), ["Citra", "Dewi"]);
    const withoutBudi = all.filter((p) => p.name !== "Budi");
    const resumed = paginateSorted(withoutBudi, {
      limit: 2,
      cursor: encodeCursor({ key: "Budi", id: 2 }),
      keyOf,
    });
    assert.deepEqual(resumed.items.map(keyOf), ["Citra", "Dewi"]);
  });
});

describe("ETags", () => {
  it("makes strong version ETags and weak content ETags, compared weakly for If-None-Match", () => {
    assert.equal(versionEtag(7), '"v7"');
    const weak = weakEtag(12, new Date("2024-10-25T01:08:00Z"));
    assert.match(weak, /^W\/"[A-Za-z0-9_-]{22}"$/);
    assert.notEqual(weak, weakEtag(12, new Date("2024-10-25T01:09:00Z")));
    assert.equal(etagMatches('"a", W/"v7"', '"v7"'), true);
    assert.equal(etagMatches("*", '"v1"'), true);
    assert.equal(etagMatches('"v6"', '"v7"'), false);
    assert.equal(etagMatches(undefined, '"v7"'), false);
  });
});
