/**
 * The PostgreSQL adapter's tables and writes (tsvector.index.ts has the reads): `{layout}_documents`,
 * `{layout}_terms` (index-layout.ts) and `search_meta`, created once per process under an advisory
 * lock and dropped and rebuilt when their layout (FORMAT) changes.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { ProgressCallback, SearchDocument } from "../search-index.ts";
import type { TsvectorTables } from "../index-layout.ts";
import { toTsvectorLiteral } from "./tsquery.ts";

/** Bump when the stored layout changes: the index is then dropped and rebuilt from the articles. */
const FORMAT = "4";
/** Documents written per statement (and per transaction in a rebuild). */
const BATCH = 500;

type Db = Kysely<Database>;

/** Whole numbers only (ids reach SQL as array literals). */
export const ints = (values: number[]): number[] => values.filter(Number.isInteger);

/** Creates the tables when missing or outdated; true when they were (re)created empty. */
export async function createSchema(db: Db, tables: TsvectorTables): Promise<boolean> {
  const documents = sql.table(tables.documents);
  const terms = sql.table(tables.terms);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${tables.schemaLock})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS search_meta (key text PRIMARY KEY, value text NOT NULL)`.execute(
      trx,
    );
    const format = await sql<{
      value: string;
    }>`SELECT value FROM search_meta WHERE key = ${tables.formatKey}`.execute(trx);
    const stale = format.rows[0]?.value !== FORMAT;
    if (stale) {
      await sql`DROP TABLE IF EXISTS ${documents}`.execute(trx);
      await sql`DROP TABLE IF EXISTS ${terms}`.execute(trx);
      await sql`
        CREATE TABLE ${documents} (
          article_id integer PRIMARY KEY,
          published_at timestamptz NOT NULL,
          section_ids integer[] NOT NULL,
          tag_ids integer[] NOT NULL,
          person_ids integer[] NOT NULL,
          terms tsvector NOT NULL
        ) WITH (toast_tuple_target = 128)`.execute(trx);
      // One GIN over the words and the facets: "word in section" is intersected inside the index,
      // never by reading each candidate's vector (separate indexes made the planner do that).
      await sql`
        CREATE INDEX ${sql.id(`${tables.documents}_match`)} ON ${documents}
        USING gin (terms, section_ids, tag_ids, person_ids)`.execute(trx);
      // No index on published_at, on purpose: with one, the planner answered "word in a date range"
      // by reading the vector of every story in the range (500 ms at 100k instead of 35 ms).
      // Every lexeme of the indexed vectors with the number of documents holding it, kept by each
      // write (writeBatch): a document frequency is one indexed read. "C" collation: the
      // first-letter range scan for typo candidates follows code points.
      await sql`
        CREATE TABLE ${terms} (term text COLLATE "C" PRIMARY KEY, documents integer NOT NULL)`.execute(trx);
      await sql`
        INSERT INTO search_meta (key, value) VALUES (${tables.formatKey}, ${FORMAT})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(trx);
    }
    // The story's status (the newsroom index only; null in the public one). Added in place, so an
    // existing public index keeps its rows (no rewrite: the column is nullable).
    await sql`ALTER TABLE ${documents} ADD COLUMN IF NOT EXISTS status text`.execute(trx);
    return stale;
  });
}

function documentRow(doc: SearchDocument): RawBuilder<unknown> {
  return sql`(${doc.id}, ${doc.publishedAt.toISOString()}::timestamptz, ${ints(doc.sectionIds)}::int[],
    ${ints(doc.tagIds)}::int[], ${ints(doc.personIds)}::int[], ${toTsvectorLiteral(doc)}::tsvector,
    ${doc.status ?? null}::text)`;
}

/** The advisory key every writer holds shared and a rebuild's emptying holds alone. */
const ALL_DOCUMENTS = 0;

/**
 * Holds the documents `ids` for the rest of the transaction (sorted, so two writers never wait on
 * each other in a circle), after the shared hold on the whole index that a rebuild's emptying waits
 * for. Every writer takes them before reading what it replaces, so the term counts it adjusts are
 * those of the rows it actually replaces, also when two nodes index the same story at once.
 */
async function lockDocuments(trx: Db, tables: TsvectorTables, ids: number[]): Promise<void> {
  const sorted = [...new Set(ints(ids))].sort((a, b) => a - b);
  if (sorted.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock_shared(${tables.documentLock}, ${ALL_DOCUMENTS})`.execute(trx);
  await sql`
    SELECT count(pg_advisory_xact_lock(${tables.documentLock}, id))
    FROM (SELECT unnest(${sorted}::int[]) AS id) AS locked`.execute(trx);
}

/** Adds each lexeme of `vectors` (a query returning a `terms` tsvector column) `sign` times. */
const termCounts = (vectors: RawBuilder<unknown>, sign: 1 | -1) =>
  sql`SELECT unnest(tsvector_to_array(v.terms)) AS term, ${sign}::int AS n FROM (${vectors}) AS v`;

/** Adds `delta` (rows of term, n) to the term counts, in term order. */
const applyCounts = (tables: TsvectorTables, delta: RawBuilder<unknown>) => sql`
  INSERT INTO ${sql.table(tables.terms)} (term, documents)
  SELECT term, sum(n)::int FROM (${delta}) AS d GROUP BY term HAVING sum(n) <> 0 ORDER BY term
  ON CONFLICT (term) DO UPDATE SET documents = ${sql.table(tables.terms)}.documents + excluded.documents`;

/**
 * Writes (inserts or replaces) `upsert` and deletes `remove`, keeping the term counts. `trx` must be
 * a transaction: the stories' locks are taken once, for all of them, before anything is read.
 */
export async function writeBatch(
  trx: Db,
  tables: TsvectorTables,
  batch: { upsert: SearchDocument[]; remove: number[] },
): Promise<void> {
  await lockDocuments(trx, tables, [...batch.upsert.map((doc) => doc.id), ...batch.remove]);
  await writeDocuments(trx, tables, batch.upsert);
  await removeDocuments(trx, tables, batch.remove);
}

/** Inserts or replaces documents and adjusts the term counts (the stories already locked). */
async function writeDocuments(trx: Db, tables: TsvectorTables, docs: SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const documents = sql.table(tables.documents);
  const ids = docs.map((doc) => doc.id);
  await sql`
    WITH replaced AS (
      SELECT terms FROM ${documents} WHERE article_id = ANY (${ints(ids)}::int[])
    ), written AS (
      INSERT INTO ${documents} (article_id, published_at, section_ids, tag_ids, person_ids, terms, status)
      VALUES ${sql.join(docs.map(documentRow))}
      ON CONFLICT (article_id) DO UPDATE SET
        published_at = excluded.published_at, section_ids = excluded.section_ids,
        tag_ids = excluded.tag_ids, person_ids = excluded.person_ids, terms = excluded.terms,
        status = excluded.status
      RETURNING terms
    )
    ${applyCounts(
      tables,
      sql`${termCounts(sql`SELECT terms FROM written`, 1)} UNION ALL ${termCounts(sql`SELECT terms FROM replaced`, -1)}`,
    )}`.execute(trx);
}

/** Removes documents and takes their lexemes off the term counts (the stories already locked). */
async function removeDocuments(trx: Db, tables: TsvectorTables, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    WITH removed AS (
      DELETE FROM ${sql.table(tables.documents)} WHERE article_id = ANY (${ints(ids)}::int[]) RETURNING terms
    )
    ${applyCounts(tables, termCounts(sql`SELECT terms FROM removed`, -1))}`.execute(trx);
}

/**
 * A rebuild's writes. As on SQLite: the tables are emptied, then refilled in short transactions
 * (one a batch) that do not wait for the WAL flush (the index is rebuildable from the articles)
 * and let the GIN index take the rows through a larger pending list, merged in bulk. Readers see
 * the index fill up; one long transaction held back vacuum for the whole run (16 min at 1M).
 */
export async function refillDocuments(
  db: Db,
  tables: TsvectorTables,
  documents: AsyncIterable<SearchDocument> | Iterable<SearchDocument>,
  options: { total?: number; progress?: ProgressCallback },
): Promise<number> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${tables.documentLock}, ${ALL_DOCUMENTS})`.execute(trx);
    await sql`DELETE FROM ${sql.table(tables.documents)}`.execute(trx);
    await sql`DELETE FROM ${sql.table(tables.terms)}`.execute(trx);
  });
  const write = (docs: SearchDocument[]) =>
    db.transaction().execute(async (trx) => {
      await sql`SET LOCAL synchronous_commit = off; SET LOCAL gin_pending_list_limit = '32MB'`.execute(trx);
      await writeBatch(trx, tables, { upsert: docs, remove: [] });
    });
  let done = 0;
  let batch: SearchDocument[] = [];
  // The server writes one batch while the next is analyzed here.
  let writing: Promise<void> = Promise.resolve();
  for await (const doc of documents) {
    batch.push(doc);
    if (batch.length >= BATCH) {
      const full = batch;
      batch = [];
      await writing;
      writing = write(full).then(() => {
        done += full.length;
        options.progress?.(done, options.total);
      });
      writing.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    }
  }
  await writing;
  await write(batch);
  return done + batch.length;
}
