/**
 * PostgreSQL adapter. PostgreSQL-specific search SQL lives here and only here (DESIGN.md §2,
 * search row); it is the twin of `sqlite/fts5.index.ts` and behaves the same way.
 *
 * - `search_documents`: one row per indexed (live) article: `terms`, a `tsvector` of the analyzer's
 *   stems with weights A headline, B lede, C body, D credits and tags (built in TypeScript, see
 *   tsquery.ts); `section_ids` (the section and its ancestors), `tag_ids`, `person_ids` as `int[]`;
 *   `published_at`. One multicolumn GIN index on `terms` and the three arrays; none on
 *   `published_at` (date bounds are checked on the rows the GIN finds). Vectors are kept out of
 *   line (`toast_tuple_target = 128`), so the heap the match scans touch stays small.
 * - Reading a vector (to rank a row, or test it in a filter) is a TOAST fetch the planner does not
 *   count, so reads run with `enable_seqscan = off` and `jit = off` (SET LOCAL, in their own
 *   transaction), and the adapter itself picks the id walk or the GIN bitmap (walkNewest).
 * - `search_terms`: every lexeme of the vectors with the number of documents holding it, kept by
 *   every write (tsvector.storage.ts): document frequencies (ranking, Berita Terkait) are one
 *   indexed read, and typo candidates come from its stems of 4+ letters.
 * - `search_meta`: the layout version; a fresh or outdated index is rebuilt from the articles.
 *
 * The tables belong to the adapter, not to a migration (like FTS5's): they are rebuildable at any
 * time, and `ready()` creates them once per process under an advisory lock.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { bestCandidates, nearTerms, TYPO_DF_CAP } from "../edit-distance.ts";
import type { IndexQuery, IndexResult, IndexStats, ProgressCallback, SearchIndex } from "../search-index.ts";
import { matchWithout } from "./tsquery.ts";
import { createSchema, ints, refillDocuments, writeBatch } from "./tsvector.storage.ts";
import { hasPhrase, phraseMatches, reading, splitFacets, withoutPhrases } from "./tsvector.query-parts.ts";
import { tsvectorTables, type IndexLayout } from "../index-layout.ts";

/** ts_rank_cd weights {D, C, B, A}: headline > lede > body > credits/tags (FTS5: 10, 4, 1, 0.5). */
const SEARCH_WEIGHTS = "{0.05, 0.1, 0.4, 1.0}";
/** Related lists (FTS5: 6, 3, 1, 1, facets 2): a shared tag or person adds FACET_SCORE each. */
const RELATED_WEIGHTS = "{0.17, 0.17, 0.5, 1.0}";
const FACET_SCORE = 0.33;
/** A story published now scores up to 1 + FRESHNESS; the boost halves after FRESHNESS_HALF_DAYS. */
const FRESHNESS = 0.5;
const FRESHNESS_HALF_DAYS = 30;
/** Reading one row's vector (TOAST) costs about this many bitmap-heap visits (measured at 20k). */
const VECTOR_READ_COST = 4.5;
/** Counting stops here ("more than 1 000"), or at the page asked for if deeper. */
const COUNT_CAP = 1_000;
/** Broad queries rank their newest RANK_WINDOW matches (or more, for a deeper page). */
const RANK_WINDOW = 1_000;
/** Document frequencies are counted up to here; a term this common is "everywhere". */
const DF_CAP = 10_000;
/** Typo candidates are indexed stems of this many letters or more (as on SQLite). */
const TYPO_MIN_LENGTH = 4;
type Db = Kysely<Database>;

export function createTsvectorSearchIndex(
  db: Db,
  layout: IndexLayout = "search",
): SearchIndex & { needsRebuild: boolean } {
  const tables = tsvectorTables(layout);
  const docsTable = sql.table(tables.documents);
  const termsTable = sql.table(tables.terms);
  let schema: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    schema ??= createSchema(db, tables).then(
      (stale) => {
        if (stale) index.needsRebuild = true;
      },
      (error: unknown) => {
        schema = null; // try again on the next call
        throw error;
      },
    );
    return schema;
  };

  /** Documents containing each stem (kept per lexeme by every write), at most `cap`. */
  async function frequencies(terms: string[], cap = DF_CAP, on: Db = db): Promise<Map<string, number>> {
    const counts = new Map(terms.map((term): [string, number] => [term, 0]));
    if (counts.size === 0) return counts;
    const limit = Math.max(1, Math.min(cap, DF_CAP));
    const result = await sql<{ term: string; documents: number }>`
      SELECT term, documents FROM ${termsTable} WHERE term = ANY (${[...counts.keys()]}::text[])`.execute(on);
    for (const row of result.rows) counts.set(row.term, Math.max(0, Math.min(limit, row.documents)));
    return counts;
  }

  const frequency = async (term: string, cap = DF_CAP, on: Db = db): Promise<number> =>
    (await frequencies([term], cap, on)).get(term) ?? 0;

  let tableRows: { rows: number; at: number } | null = null;
  /**
   * How to find `scan` matches: walk ids reading each row's vector until enough match (about
   * scan / selectivity vector reads: best for very common words), or take the matches from the GIN
   * index. The planner does not know a vector read costs ~4.5 bitmap visits (measured), so the
   * adapter decides from the planner's row estimate. For the newest matches the bitmap visits every
   * match (selectivity × rows) to sort them: walk when selectivity² > 4.5 × scan / rows.
   */
  async function walkNewest(on: Db, where: RawBuilder<unknown>, scan: number): Promise<boolean> {
    const now = Date.now();
    if (tableRows === null || now - tableRows.at > 60_000) {
      const result = await sql<{ n: number }>`
        SELECT reltuples::float8 AS n FROM pg_class WHERE oid = ${tables.documents}::regclass`.execute(on);
      tableRows = { rows: Number(result.rows[0]?.n ?? 0), at: now };
    }
    const rows = tableRows.rows;
    if (rows < 10 * scan) return false; // small (or never analyzed): the bitmap is cheap anyway
    const plan = await sql<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>`
      EXPLAIN (FORMAT JSON) SELECT 1 FROM ${docsTable} WHERE ${where}`.execute(on);
    const estimate = Number(plan.rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
    const selectivity = estimate / rows;
    return selectivity * selectivity > (VECTOR_READ_COST * scan) / rows;
  }

  /** Allows the id walk only where it is cheaper (see walkNewest); the bitmap path otherwise. */
  async function choosePath(on: Db, where: RawBuilder<unknown>, wanted: number): Promise<boolean> {
    const walk = await walkNewest(on, where, wanted);
    await sql.raw(`SET LOCAL enable_indexscan = ${walk ? "on" : "off"}`).execute(on);
    return walk;
  }

  /** The newest `scan` rows matching `where`, ids descending (walk or bitmap, see choosePath). */
  async function newestMatches(on: Db, where: RawBuilder<unknown>, scan: number): Promise<{ id: number }[]> {
    await choosePath(on, where, scan);
    const result = await sql<{ id: number }>`
      SELECT article_id AS id FROM ${docsTable} WHERE ${where}
      ORDER BY article_id DESC LIMIT ${scan}`.execute(on);
    return result.rows;
  }

  /** The newest `scan` matches of a query, ids descending (see searchOn), with what ranking needs. */
  async function matchesOn(
    db: Db,
    query: Omit<IndexQuery, "sort" | "offset" | "count" | "limit">,
    scan: number,
  ) {
    const related = query.mode === "related";
    const parts = related
      ? splitFacets(query.match)
      : { text: query.match, tags: [], people: [], sections: [] };
    const text = parts.text ? matchWithout(parts.text, related ? [] : query.exclude) : null;
    const facetMatches: RawBuilder<unknown>[] = [];
    if (parts.tags.length > 0) facetMatches.push(sql`tag_ids && ${parts.tags}::int[]`);
    if (parts.people.length > 0) facetMatches.push(sql`person_ids && ${parts.people}::int[]`);
    if (parts.sections.length > 0) facetMatches.push(sql`section_ids && ${parts.sections}::int[]`);
    if (text === null && facetMatches.length === 0) return null;
    const tsquery = sql`${text ?? ""}::tsquery`;

    // The match, the time guard, and the filters.
    const matches = [...(text === null ? [] : [sql`terms @@ ${tsquery}`]), ...facetMatches];
    const conditions: RawBuilder<unknown>[] = [
      matches.length === 1 ? (matches[0] as RawBuilder<unknown>) : sql`(${sql.join(matches, sql` OR `)})`,
      sql`published_at <= ${query.now.toISOString()}::timestamptz`,
    ];
    if (related && query.exclude && query.exclude.length > 0) {
      const excluded = matchWithout({ kind: "any", nodes: query.exclude });
      if (excluded !== null) conditions.push(sql`NOT (terms @@ ${excluded}::tsquery)`);
    }
    const filters = query.filters ?? {};
    if (filters.sectionIds) conditions.push(sql`section_ids && ${ints(filters.sectionIds)}::int[]`);
    if (filters.tagIds) conditions.push(sql`tag_ids && ${ints(filters.tagIds)}::int[]`);
    if (filters.personIds) conditions.push(sql`person_ids && ${ints(filters.personIds)}::int[]`);
    if (filters.statuses) conditions.push(sql`status = ANY (${filters.statuses}::text[])`);
    if (filters.from) conditions.push(sql`published_at >= ${filters.from.toISOString()}::timestamptz`);
    if (filters.to) conditions.push(sql`published_at <= ${filters.to.toISOString()}::timestamptz`);
    const excludeIds = ints(query.excludeIds ?? []);
    if (excludeIds.length > 0) conditions.push(sql`article_id <> ALL (${excludeIds}::int[])`);

    const where = sql.join(conditions, sql` AND `);
    // A phrase: first the stories holding its words (the GIN alone, with the exclusions it can apply
    // alone: those without a phrase), then the word order on the newest of them (phraseMatches).
    const relaxed =
      !related && parts.text && hasPhrase(parts.text)
        ? matchWithout(
            withoutPhrases(parts.text),
            (query.exclude ?? []).filter((node) => !hasPhrase(node)),
          )
        : null;
    const candidates = (relaxed !== null
      ? await phraseMatches(db, docsTable, where, conditions, relaxed, scan)
      : null) ?? {
      rows: await newestMatches(db, where, scan),
    };
    return { candidates, text, tsquery, parts, related };
  }

  async function searchOn(db: Db, query: IndexQuery): Promise<IndexResult> {
    // One unscored pass over the newest matches (ids descending) gives both the count, up to the
    // cap, and the ranking window: broad queries are ranked within their newest `window` matches,
    // so latency does not grow with the archive (the same trade-off as the FTS5 adapter).
    const offset = query.offset ?? 0;
    const window = Math.max(RANK_WINDOW, offset + query.limit);
    const scan = query.count === false ? window : Math.max(COUNT_CAP, window) + 1;
    const found = await matchesOn(db, query, scan);
    if (found === null) return { total: 0, hits: [], exhaustive: true };
    const { candidates, text, tsquery, parts, related } = found;
    const ids = candidates.rows.slice(0, window).map((row) => row.id);
    if (ids.length === 0 || offset >= ids.length) {
      const total = query.count === false ? 0 : Math.min(candidates.rows.length, scan - 1);
      return { total, hits: [], exhaustive: query.count !== false && candidates.rows.length < scan };
    }

    const nowSec = query.now.getTime() / 1000;
    const freshness = sql`(1.0 + ${FRESHNESS}::float8 / (1.0 + greatest(0, ${nowSec}::float8 - extract(epoch FROM published_at)) / ${FRESHNESS_HALF_DAYS * 86_400}::float8))`;
    const weights = related ? RELATED_WEIGHTS : SEARCH_WEIGHTS;
    const textScore = text === null ? sql`0` : sql`ts_rank_cd(${weights}::float4[], terms, ${tsquery}, 1)`;
    const shared = (column: string, values: number[]) =>
      values.length === 0
        ? sql`0`
        : sql`(SELECT count(*) FROM unnest(${sql.ref(column)}) AS f (id) WHERE f.id = ANY (${values}::int[]))`;
    const facetScore = related
      ? sql` + ${FACET_SCORE}::float8 * (${shared("tag_ids", parts.tags)} + ${shared("person_ids", parts.people)} + ${shared("section_ids", parts.sections)})`
      : sql``;
    const order = query.sort === "date" ? sql`published_at DESC, id DESC` : sql`score DESC, id DESC`;
    const ranked = await sql<{ id: number; score: number }>`
      SELECT article_id AS id, published_at, (${textScore}${facetScore}) * ${freshness} AS score
      FROM ${docsTable} WHERE article_id = ANY (${ids}::int[])
      ORDER BY ${order} LIMIT ${query.limit} OFFSET ${offset}`.execute(db);
    const hits = ranked.rows.map((row) => ({ id: Number(row.id), score: Number(row.score) }));
    if (query.count === false) return { total: hits.length, hits, exhaustive: false };
    return {
      total: Math.min(candidates.rows.length, scan - 1),
      hits,
      exhaustive: candidates.rows.length < scan,
    } satisfies IndexResult;
  }

  const index: SearchIndex & { needsRebuild: boolean } = {
    name: "postgres-tsvector",
    needsRebuild: false,
    ready,

    async upsert(doc) {
      await index.writeBatch({ upsert: [doc], remove: [] });
    },

    async remove(id) {
      await index.writeBatch({ upsert: [], remove: [id] });
    },

    async writeBatch(batch) {
      await ready();
      await db.transaction().execute(async (trx) => {
        await writeBatch(trx, tables, batch);
      });
    },

    async search(query) {
      await ready();
      return reading(db, (trx) => searchOn(trx, query));
    },

    async matchingIds(query) {
      await ready();
      if (query.limit <= 0) return [];
      const found = await reading(db, (trx) => matchesOn(trx, query, query.limit));
      return found === null ? [] : found.candidates.rows.map((row) => Number(row.id));
    },

    async rebuild(documents, options: { total?: number; progress?: ProgressCallback } = {}) {
      await ready();
      const count = await refillDocuments(db, tables, documents, options);
      // Fresh statistics, GIN's included (VACUUM keeps those), so the planner costs the index right;
      // the term counts were updated once per batch.
      await sql`VACUUM ANALYZE ${docsTable}, ${termsTable}`.execute(db);
      options.progress?.(count, options.total);
      index.needsRebuild = false;
      return count;
    },

    async stats(): Promise<IndexStats> {
      await ready();
      const result = await sql<{ documents: number; terms: number; bytes: string }>`
        SELECT (SELECT count(*)::int FROM ${docsTable}) AS documents,
               (SELECT count(*)::int FROM ${termsTable} WHERE documents > 0) AS terms,
               pg_total_relation_size(${tables.documents}::regclass) + pg_total_relation_size(${tables.terms}::regclass) AS bytes`.execute(
        db,
      );
      const row = result.rows[0];
      return {
        documents: row?.documents ?? 0,
        terms: row?.terms ?? 0,
        bytes: row ? Number(row.bytes) : null,
      };
    },

    async documentCount() {
      await ready();
      const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${docsTable}`.execute(db);
      return result.rows[0]?.n ?? 0;
    },

    // One primary-key read: no read transaction and its planner settings (see `reading`).
    async documentFrequency(term, cap) {
      await ready();
      return frequency(term, cap);
    },

    async documentFrequencies(terms, cap) {
      await ready();
      return frequencies(terms, cap);
    },

    async similarTerms(term, maxDistance, limit = 3) {
      if (maxDistance <= 0 || term.length === 0) return [];
      await ready();
      // Candidates share the first letter (typos there are rare); the length band prunes the rest.
      // Edit distance runs here in TypeScript, as on SQLite: pg_trgm/fuzzystrmatch are not assumed.
      const first = String.fromCodePoint(term.codePointAt(0) as number);
      const next = String.fromCodePoint((first.codePointAt(0) as number) + 1);
      const rows = await sql<{ term: string }>`
        SELECT term FROM ${termsTable} WHERE term >= ${first} AND term < ${next} AND documents > 0
          AND char_length(term) BETWEEN ${Math.max(TYPO_MIN_LENGTH, term.length - maxDistance)} AND ${term.length + maxDistance}`.execute(
        db,
      );
      const near = nearTerms(rows.rows, term, maxDistance);
      return reading(db, (trx) =>
        bestCandidates(near, limit, (candidate) => frequency(candidate, TYPO_DF_CAP, trx)),
      );
    },

    async ids() {
      await ready();
      const result = await sql<{
        id: number;
      }>`SELECT article_id AS id FROM ${docsTable} ORDER BY article_id`.execute(db);
      return result.rows.map((row) => Number(row.id));
    },
  };
  return index;
}
