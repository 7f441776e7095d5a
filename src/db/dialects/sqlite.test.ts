import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DatabaseSync } from "node:sqlite";
import { sql, type Generated, type Kysely } from "kysely";
import { adaptDatabase, openSqlite, STATEMENT_CACHE_SIZE, type SqliteHandle } from "./sqlite.ts";

/** Rows as plain objects (node:sqlite returns null-prototype ones). */
const plain = (rows: unknown[]): unknown[] => rows.map((row) => ({ ...(row as object) }));

/** A real connection whose `prepare` calls are counted per SQL text. */
function countingDatabase(): { database: DatabaseSync; prepared: Map<string, number> } {
  const raw = new DatabaseSync(":memory:");
  const prepared = new Map<string, number>();
  const database = new Proxy(raw, {
    get(target, property) {
      if (property === "prepare")
        return (text: string) => {
          prepared.set(text, (prepared.get(text) ?? 0) + 1);
          return target.prepare(text);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as () => unknown).bind(target) : value;
    },
  });
  return { database, prepared };
}

describe("node:sqlite adapter: prepared-statement cache", () => {
  it("prepares a statement once and reuses it with new parameters", () => {
    const { database, prepared } = countingDatabase();
    const adapter = adaptDatabase(database);
    const text = "SELECT ? + 1 AS n";
    assert.deepEqual(plain(adapter.prepare(text).all([1])), [{ n: 2 }]);
    assert.deepEqual(plain(adapter.prepare(text).all([41])), [{ n: 42 }]);
    assert.equal(prepared.get(text), 1);
  });

  it(`keeps at most ${STATEMENT_CACHE_SIZE} statements, dropping the oldest prepared`, () => {
    const { database, prepared } = countingDatabase();
    const adapter = adaptDatabase(database);
    const texts = Array.from({ length: STATEMENT_CACHE_SIZE + 1 }, (_, i) => `SELECT ${i} AS n`);
    for (const [i, text] of texts.entries())
      assert.deepEqual(plain(adapter.prepare(text).all([])), [{ n: i }]);
    // The 501st statement evicted the first; the second … last are still cached.
    for (const text of texts.slice(1)) adapter.prepare(text);
    assert.ok(texts.slice(1).every((text) => prepared.get(text) === 1));
    // The first is prepared again, and still answers correctly.
    assert.deepEqual(plain(adapter.prepare(texts[0]!).all([])), [{ n: 0 }]);
    assert.equal(prepared.get(texts[0]!), 2);
  });

  it("marks statements that return rows as readers (including INSERT … RETURNING)", () => {
    const adapter = adaptDatabase(new DatabaseSync(":memory:"));
    adapter.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)").run([]);
    assert.equal(adapter.prepare("SELECT id FROM t").reader, true);
    assert.equal(adapter.prepare("INSERT INTO t (v) VALUES (?)").reader, false);
    const returning = adapter.prepare("INSERT INTO t (v) VALUES (?) RETURNING id, v");
    assert.equal(returning.reader, true);
    assert.deepEqual(plain(returning.all(["a"])), [{ id: 1, v: "a" }]);
  });
});

describe("node:sqlite adapter: values", () => {
  const adapter = adaptDatabase(new DatabaseSync(":memory:"));
  const one = (parameter: unknown): unknown =>
    plain(adapter.prepare("SELECT ? AS v, typeof(?) AS t").all([parameter, parameter]))[0];
  const value = (parameter: unknown): unknown => (one(parameter) as { v: unknown }).v;

  it("binds booleans as 1 and 0", () => {
    assert.equal(value(true), 1);
    assert.equal(value(false), 0);
  });

  it("binds a Date as its ISO 8601 UTC string (how every instant is stored)", () => {
    const at = new Date("2026-12-03T07:10:41.123+07:00");
    assert.deepEqual(one(at), { v: "2026-12-03T00:10:41.123Z", t: "text" });
  });

  it("binds null and undefined as NULL", () => {
    assert.deepEqual(one(null), { v: null, t: "null" });
    assert.deepEqual(one(undefined), { v: null, t: "null" });
  });

  it("passes text, numbers and bytes through", () => {
    assert.deepEqual(one("Berita"), { v: "Berita", t: "text" });
    assert.equal(value(2.5), 2.5);
    assert.equal(value(7), 7);
    const bytes = one(new Uint8Array([1, 2, 3])) as { v: Uint8Array; t: string };
    assert.equal(bytes.t, "blob");
    assert.deepEqual([...bytes.v], [1, 2, 3]);
  });

  it("binds a BigInt as an integer and reads integers back as exact numbers", () => {
    assert.deepEqual(one(42n), { v: 42, t: "integer" });
    assert.deepEqual(one(BigInt(Number.MAX_SAFE_INTEGER)), { v: Number.MAX_SAFE_INTEGER, t: "integer" });
  });

  it("stores numbers bound from JavaScript (booleans too) as integers in INTEGER columns", () => {
    adapter.prepare("CREATE TABLE flags (n INTEGER NOT NULL)").run([]);
    for (const parameter of [7, true, 3n])
      adapter.prepare("INSERT INTO flags (n) VALUES (?)").run([parameter]);
    assert.deepEqual(plain(adapter.prepare("SELECT n, typeof(n) AS t FROM flags ORDER BY rowid").all([])), [
      { n: 7, t: "integer" },
      { n: 1, t: "integer" },
      { n: 3, t: "integer" },
    ]);
  });

  it("refuses to read an integer beyond 2^53 instead of rounding it", () => {
    assert.throws(() => adapter.prepare("SELECT ? AS v").all([2n ** 60n]), { code: "ERR_OUT_OF_RANGE" });
  });
});

describe("node:sqlite store: connections and results", () => {
  let dir: string;
  let handle: SqliteHandle;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "warta-sqlite-test-"));
    handle = openSqlite(join(dir, "nested", "warta.db"));
    await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(handle.db);
  });
  /** The test's own table, typed (the store's Database type does not know it). */
  const notes = () => handle.db as unknown as Kysely<{ notes: { id: Generated<number>; body: string } }>;
  after(async () => {
    await handle.db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it("opens the file in WAL mode with foreign keys on", () => {
    const pragma = (name: string) => Object.values(handle.raw.prepare(`PRAGMA ${name}`).get() ?? {})[0];
    assert.equal(pragma("journal_mode"), "wal");
    assert.equal(pragma("foreign_keys"), 1);
    assert.equal(pragma("synchronous"), 1); // NORMAL
  });

  it("reports inserted ids and affected rows as BigInt (Kysely's contract)", async () => {
    const db = notes();
    const inserted = await db.insertInto("notes").values({ body: "satu" }).executeTakeFirstOrThrow();
    assert.equal(typeof inserted.insertId, "bigint");
    const updated = await db.updateTable("notes").set({ body: "dua" }).executeTakeFirstOrThrow();
    assert.equal(updated.numUpdatedRows, 1n);
    const deleted = await db
      .deleteFrom("notes")
      .where("id", "=", Number(inserted.insertId))
      .executeTakeFirstOrThrow();
    assert.equal(deleted.numDeletedRows, 1n);
  });

  it("reads outside a transaction see every committed write (reader connection)", async () => {
    const db = notes();
    for (let i = 0; i < 20; i++) {
      await db
        .insertInto("notes")
        .values({ body: `catatan ${i}` })
        .execute();
      const { n } = await db
        .selectFrom("notes")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("body", "=", `catatan ${i}`)
        .executeTakeFirstOrThrow();
      assert.equal(n, 1, `write ${i} visible to the next read`);
    }
  });

  it("reads outside a transaction do not see its uncommitted writes, and do not wait for it", async () => {
    const db = notes();
    const count = async () =>
      (
        await db
          .selectFrom("notes")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("body", "=", "dalam transaksi")
          .executeTakeFirstOrThrow()
      ).n;
    await db.transaction().execute(async (tx) => {
      await tx.insertInto("notes").values({ body: "dalam transaksi" }).execute();
      const inside = await tx
        .selectFrom("notes")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("body", "=", "dalam transaksi")
        .executeTakeFirstOrThrow();
      assert.equal(inside.n, 1, "the transaction sees its own write");
      assert.equal(await count(), 0, "the reader does not");
    });
    assert.equal(await count(), 1, "visible once committed");
  });
});
