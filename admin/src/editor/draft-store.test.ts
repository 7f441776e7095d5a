import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyFields } from "./article-fields.ts";
import {
  draftKey,
  indexedDbDrafts,
  keyValueDrafts,
  type KeyValueStore,
  type LocalCopy,
} from "./draft-store.ts";

class MemoryStorage implements KeyValueStore {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException("quota", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const copy = (headline: string): LocalCopy => ({
  fields: { ...emptyFields(), headline },
  baseVersion: 3,
  baseFields: null,
  savedAt: "2026-12-03T10:00:00.000Z",
});

/** An IndexedDB that cannot be opened (disabled, or a private mode that refuses it). */
const refusingIndexedDb = {
  open() {
    const request = {
      onerror: null as null | (() => void),
      error: new DOMException("denied", "SecurityError"),
    };
    setTimeout(() => request.onerror?.(), 0);
    return request;
  },
} as unknown as IDBFactory;

describe("the local copy of an open story", () => {
  it("is kept per user and story", () => {
    assert.equal(draftKey(7, 42), "7.42");
    assert.equal(draftKey(7, null), "7.baru");
  });

  it("falls back to localStorage when IndexedDB is missing or refuses to open, and reads it back", async () => {
    for (const factory of [undefined, refusingIndexedDb]) {
      const storage = new MemoryStorage();
      const store = indexedDbDrafts(factory, keyValueDrafts(storage));
      assert.equal(await store.write("7.42", copy("Banjir rob")), true);
      assert.deepEqual(await store.read("7.42"), copy("Banjir rob"));
      assert.ok(storage.items.has("warta.admin.draft.7.42"));
      await store.remove("7.42");
      assert.equal(await store.read("7.42"), null);
    }
  });

  it("offers back a copy an older admin left in localStorage", async () => {
    const storage = new MemoryStorage();
    storage.setItem("warta.admin.draft.7.baru", JSON.stringify(copy("Dari versi lama")));
    const store = indexedDbDrafts(refusingIndexedDb, keyValueDrafts(storage));
    assert.equal((await store.read("7.baru"))?.fields.headline, "Dari versi lama");
  });

  it("says so when the browser refuses to keep it, and ignores what is not a copy", async () => {
    const storage = new MemoryStorage();
    const store = indexedDbDrafts(undefined, keyValueDrafts(storage));
    storage.full = true;
    assert.equal(await store.write("7.1", copy("Terlalu penuh")), false);
    storage.full = false;
    storage.setItem("warta.admin.draft.7.2", "{not json");
    storage.setItem("warta.admin.draft.7.3", JSON.stringify({ headline: "tanpa fields" }));
    assert.equal(await store.read("7.2"), null);
    assert.equal(await store.read("7.3"), null);
    assert.equal(await keyValueDrafts(null).write("7.4", copy("x")), false);
  });
});
