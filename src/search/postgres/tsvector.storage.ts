/**
 * The PostgreSQL adapter's tables and writes (tsvector.index.ts has the reads): `{layout}_documents`,
 * `{layout}_terms` (index-layout.ts) and `search_meta`, created once per process under an advisory
 * lock and dropped and rebuilt when their layout (FORMAT) changes.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { ProgressCallback, SearchDocument } from "../search-index.ts";
import { FACET_TOKEN } from "../facet-tokens.ts";
import type { TsvectorTables } from "../index-layout.ts";
import { toTsvectorLiteral } from "./tsquery.ts";

/** Bump when the stored layout changes: the index is then dropped and rebuilt from the articles. */
const FORMAT = "3";
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
      // "C" collation: the first-letter range scan for typo candidates follows code points.
      await sql`CREATE TABLE ${terms} (term text COLLATE "C" PRIMARY KEY)`.execute(trx);
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

/** Stems of 4+ letters, sorted (concurrent inserts then take their locks in one order). */
function vocabularyOf(docs: SearchDocument[]): string[] {
  const terms = new Set<string>();
  for (const doc of docs)
    for (const term of `${doc.headline} ${doc.lede} ${doc.body} ${doc.extra}`.split(" "))
      if (term.length >= 4 && !FACET_TOKEN.test(term)) terms.add(term);
  return [...terms].sort();
}

function documentRow(doc: SearchDocument): RawBuilder<unknown> {
  return sql`(${doc.id}, ${doc.publishedAt.toISOString()}::timestamptz, ${ints(doc.sectionIds)}::int[],
    ${ints(doc.tagIds)}::int[], ${ints(doc.personIds)}::int[], ${toTsvectorLiteral(doc)}::tsvector,
    ${doc.status ?? null}::text)`;
}

export async function writeDocuments(db: Db, tables: TsvectorTables, docs: SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const terms = vocabularyOf(docs);
  await sql`
    WITH written AS (
      INSERT INTO ${sql.table(tables.documents)} (article_id, published_at, section_ids, tag_ids, person_ids, terms, status)
      VALUES ${sql.join(docs.map(documentRow))}
      ON CONFLICT (article_id) DO UPDATE SET
        published_at = excluded.published_at, section_ids = excluded.section_ids,
        tag_ids = excluded.tag_ids, person_ids = excluded.person_ids, terms = excluded.terms,
        status = excluded.status
      RETURNING 1
    )
    INSERT INTO ${sql.table(tables.terms)} (term)
    SELECT term FROM unnest(${terms}::text[]) AS t (term) ORDER BY term
    ON CONFLICT DO NOTHING`.execute(db);
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
    await sql`DELETE FROM ${sql.table(tables.documents)}`.execute(trx);
    await sql`DELETE FROM ${sql.table(tables.terms)}`.execute(trx);
  });
  const write = (docs: SearchDocument[]) =>
    db.transaction().execute(async (trx) => {
      await sql`SET LOCAL synchronous_commit = off; SET LOCAL gin_pending_list_limit = '32MB'`.execute(trx);
      await writeDocuments(trx, tables, docs);
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
