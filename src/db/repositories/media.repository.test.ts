import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Media } from "../../core/media.ts";
import { openTestStore, type TestStore } from "../store.test-support.ts";
import { createMediaRepository } from "./media.repository.ts";

const media = createMediaRepository();

const image = (n: number): Omit<Media, "id"> => ({
  file: `2026/12/foto-${n}.jpg`,
  mimeType: n % 2 === 0 ? "image/jpeg" : "image/png",
  width: 1200 + n,
  height: 800 + n,
  alt: `Foto ${n}`,
  caption: `Keterangan ${n}`,
  credit: n % 2 === 0 ? "ANTARA/Fotografer" : "",
  createdAt: new Date(Date.UTC(2026, 11, 1, 2, n, 0, 123)),
  sha256: "",
  byteSize: 0,
  focalX: 50,
  focalY: 50,
  creator: "",
  keywords: [],
});

describe("media repository", () => {
  let t: TestStore;
  const ids: number[] = [];
  before(async () => {
    t = await openTestStore();
    for (let n = 1; n <= 5; n++) ids.push(await media.insert(t.store.db, image(n)));
  });
  after(() => t.close());

  it("reads back every field it wrote (instants to the millisecond)", async () => {
    const [second] = await media.byIds(t.store.db, [ids[1]!]);
    assert.deepEqual(second, { id: ids[1], ...image(2) });
    assert.deepEqual(await media.byFile(t.store.db, "2026/12/foto-3.jpg"), { id: ids[2], ...image(3) });
    assert.equal(await media.byFile(t.store.db, "2026/12/tidak-ada.jpg"), null);
    assert.deepEqual(await media.byIds(t.store.db, []), []);
  });

  it("lists newest first, continuing below a cursor", async () => {
    const first = await media.list(t.store.db, { beforeId: null, limit: 2 });
    assert.deepEqual(
      first.map((m) => m.id),
      [ids[4], ids[3]],
    );
    const next = await media.list(t.store.db, { beforeId: first[1]!.id, limit: 2 });
    assert.deepEqual(
      next.map((m) => m.id),
      [ids[2], ids[1]],
    );
    const last = await media.list(t.store.db, { beforeId: next[1]!.id, limit: 2 });
    assert.deepEqual(
      last.map((m) => m.file),
      ["2026/12/foto-1.jpg"],
    );
  });

  it("refuses a second row for the same file", async () => {
    await assert.rejects(media.insert(t.store.db, image(1)));
  });
});
