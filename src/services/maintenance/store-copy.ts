import { createHash } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { AppError } from "../../core/errors.ts";
import type { Store } from "../../db/store.ts";

/**
 * `warta migrate-store`: copies a whole newsroom from one store to another (SQLite ⇄ PostgreSQL) —
 * every table the migrations made (stories, revisions, people, users, tokens, media metadata, audit
 * log, outbox state, …) — in one transaction on the destination, parents before children, then
 * verifies each table's row count and a checksum of its rows on both sides. The search index is
 * not copied: its tables differ by dialect and the caller rebuilds it from the copied stories.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tables are discovered at run time
type AnyDb = Kysely<any>;

/** Tables never copied: the migrator's own bookkeeping and the dialect-specific search indexes. */
const SKIPPED =
  /^(warta_migrations|warta_migrations_lock|search_(docs|documents|terms|meta|fts.*|index.*)|newsroom_(docs|documents|terms|fts.*)|sqlite_.*)$/;

export interface TablePlan {
  name: string;
  columns: string[];
  /** Columns that order the rows the same way in both stores (the primary key, or every column). */
  orderBy: string[];
  rows: number;
}

export interface TableCheck {
  name: string;
  rows: number;
  checksum: string;
}

export interface CopyProgress {
  /** Called once with every table's plan, then with each batch of rows copied. */
  planned?(tables: TablePlan[]): void;
  copied?(table: string, rows: number): void;
}

const db = (store: Store): AnyDb => store.db as unknown as AnyDb;

async function tableNames(store: Store): Promise<string[]> {
  const tables = await db(store).introspection.getTables();
  return tables.map((table) => table.name).filter((name) => !SKIPPED.test(name));
}

async function columnsOf(store: Store, table: string): Promise<string[]> {
  const tables = await db(store).introspection.getTables();
  return tables.find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];
}

async function primaryKey(store: Store, table: string): Promise<string[]> {
  if (store.dialect === "sqlite") {
    const rows = await sql<{
      name: string;
      pk: number;
    }>`SELECT name, pk FROM pragma_table_info(${table})`.execute(db(store));
    return rows.rows
      .filter((r) => r.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((r) => r.name);
  }
  const rows = await sql<{ column_name: string }>`
    SELECT kcu.column_name FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu
      ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
    WHERE tc.table_schema = current_schema() AND tc.table_name = ${table} AND tc.constraint_type = 'PRIMARY KEY'
    ORDER BY kcu.ordinal_position`.execute(db(store));
  return rows.rows.map((r) => r.column_name);
}

/** The tables each table references through a foreign key (itself excluded). */
async function references(store: Store, table: string): Promise<string[]> {
  if (store.dialect === "sqlite") {
    const rows = await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${table})`.execute(
      db(store),
    );
    return rows.rows.map((r) => r.table).filter((t) => t !== table);
  }
  const rows = await sql<{ referenced: string }>`
    SELECT DISTINCT ccu.table_name AS referenced FROM information_schema.table_constraints tc
    JOIN information_schema.constraint_column_usage ccu
      ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
    WHERE tc.table_schema = current_schema() AND tc.table_name = ${table} AND tc.constraint_type = 'FOREIGN KEY'`.execute(
    db(store),
  );
  return rows.rows.map((r) => r.referenced).filter((t) => t !== table);
}

/** Parents before children; ties in name order so every run copies in the same order. */
function dependencyOrder(tables: string[], refs: Map<string, string[]>): string[] {
  const ordered: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (done.has(table) || !tables.includes(table)) return;
    if (visiting.has(table)) throw new Error(`foreign keys form a cycle through ${table}`);
    visiting.add(table);
    for (const parent of (refs.get(table) ?? []).slice().sort()) visit(parent);
    visiting.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const table of tables.slice().sort()) visit(table);
  return ordered;
}

async function countRows(store: Store, table: string): Promise<number> {
  const row = await db(store)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The same text for the same value in either store (PostgreSQL returns bigint counts as strings). */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return "\u0000";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return String(value);
}

async function* pages(
  store: Store,
  plan: TablePlan,
  size: number,
): AsyncGenerator<Record<string, unknown>[]> {
  for (let offset = 0; ; offset += size) {
    let query = db(store).selectFrom(plan.name).select(plan.columns);
    for (const column of plan.orderBy) query = query.orderBy(column);
    const rows = (await query.limit(size).offset(offset).execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
  }
}

async function checksum(store: Store, plan: TablePlan): Promise<string> {
  const hash = createHash("sha256");
  for await (const rows of pages(store, plan, 2_000)) {
    for (const row of rows)
      hash.update(plan.columns.map((c) => canonical(row[c])).join("\u0001")).update("\u0002");
  }
  return hash.digest("hex");
}

/** Plans the copy: the tables both stores have, in dependency order, with their shared columns. */
export async function planCopy(from: Store, to: Store): Promise<TablePlan[]> {
  const source = new Set(await tableNames(from));
  const shared = (await tableNames(to)).filter((name) => source.has(name));
  const refs = new Map<string, string[]>();
  for (const table of shared) refs.set(table, await references(to, table));
  const plans: TablePlan[] = [];
  for (const name of dependencyOrder(shared, refs)) {
    const toColumns = new Set(await columnsOf(to, name));
    const columns = (await columnsOf(from, name)).filter((c) => toColumns.has(c)).sort();
    const key = await primaryKey(to, name);
    plans.push({ name, columns, orderBy: key.length > 0 ? key : columns, rows: await countRows(from, name) });
  }
  return plans;
}

/** The tables whose rows make a newsroom; a destination with any of them filled is refused. */
const NEWSROOM_TABLES = ["articles", "sections", "people", "users", "media"];

/**
 * Refuses a destination that already holds a newsroom (nothing is overwritten or merged). Rows the
 * migrations seed themselves (e.g. the default search aliases) are not a newsroom: the copy replaces them.
 */
async function assertEmpty(to: Store, plans: TablePlan[]): Promise<void> {
  const filled: string[] = [];
  for (const plan of plans)
    if (NEWSROOM_TABLES.includes(plan.name) && (await countRows(to, plan.name)) > 0) filled.push(plan.name);
  if (filled.length > 0)
    throw new AppError(
      "conflict",
      `Penyimpanan tujuan tidak kosong (${filled.join(", ")}); migrate-store hanya menyalin ke penyimpanan baru ` +
        "(the destination store is not empty; copy into a new one).",
    );
}

/** PostgreSQL serials continue after the copied ids, so the next story gets a fresh id. */
async function resetSequences(to: Store, plans: TablePlan[]): Promise<void> {
  if (to.dialect !== "postgres") return;
  for (const plan of plans) {
    if (!plan.columns.includes("id")) continue;
    const sequence = await sql<{
      seq: string | null;
    }>`SELECT pg_get_serial_sequence(${plan.name}, 'id') AS seq`.execute(db(to));
    if (!sequence.rows[0]?.seq) continue;
    await sql`SELECT setval(${sequence.rows[0].seq}::regclass, COALESCE((SELECT MAX(id) FROM ${sql.table(plan.name)}), 0) + 1, false)`.execute(
      db(to),
    );
  }
}

/** Copies every table, then checks count and checksum of each on both sides. */
export async function copyStore(from: Store, to: Store, progress: CopyProgress = {}): Promise<TableCheck[]> {
  const plans = await planCopy(from, to);
  await assertEmpty(to, plans);
  progress.planned?.(plans);
  await (to.db as unknown as AnyDb).transaction().execute(async (trx) => {
    // Seeded rows go first (children before parents), so the copy is exactly the source.
    for (const plan of plans.slice().reverse()) await trx.deleteFrom(plan.name).execute();
    for (const plan of plans) {
      if (plan.columns.length === 0) continue;
      // Stay under each driver's bound-parameter limit (PostgreSQL 65,535; SQLite 32,766).
      const batch = Math.max(1, Math.min(500, Math.floor(30_000 / plan.columns.length)));
      for await (const rows of pages(from, plan, batch)) {
        await trx.insertInto(plan.name).values(rows).execute();
        progress.copied?.(plan.name, rows.length);
      }
    }
  });
  await resetSequences(to, plans);
  return verifyCopy(from, to, plans);
}

/** Each table's rows and checksum, which must be equal on both sides. */
export async function verifyCopy(from: Store, to: Store, plans: TablePlan[]): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  const mismatches: string[] = [];
  for (const plan of plans) {
    const [rowsFrom, rowsTo] = [await countRows(from, plan.name), await countRows(to, plan.name)];
    const [sumFrom, sumTo] = [await checksum(from, plan), await checksum(to, plan)];
    if (rowsFrom !== rowsTo || sumFrom !== sumTo)
      mismatches.push(
        `${plan.name} (${rowsFrom} → ${rowsTo} baris${sumFrom === sumTo ? "" : ", checksum berbeda"})`,
      );
    checks.push({ name: plan.name, rows: rowsTo, checksum: sumTo });
  }
  if (mismatches.length > 0)
    throw new AppError(
      "internal",
      `Salinan tidak sama dengan sumbernya: ${mismatches.join("; ")} (the copy differs from its source).`,
    );
  return checks;
}
