/**
 * SQLite FTS5 adapter. SQLite-specific SQL lives here and only here (DESIGN.md §2, search row).
 *
 * - `search_fts`: a contentless FTS5 table (stems only; snippets are cut from the article itself)
 *   with columns headline, lede, body, extra (credits and tags) and facets (`s12 t5 p3` tokens for
 *   filters); rowid = article id.
 * - `search_docs`: one row per indexed article with its publication time, for the time guard,
 *   date filters, date sort and the freshness boost.
 * - `search_terms`: every indexed stem (insert-only), for typo tolerance.
 * - `search_meta`: the layout version; a fresh or outdated index is rebuilt from the articles.
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { bestCandidates, nearTerms, TYPO_DF_CAP } from "../edit-distance.ts";
import type {
  IndexHit,
  IndexQuery,
  IndexResult,
  ProgressCallback,
  SearchDocument,
  SearchIndex,
} from "../search-index.ts";
import { facetToken, monthToken, monthTokens, statusToken } from "../facet-tokens.ts";
import { compileQuery, facetExpression } from "./fts5-match.ts";
import { fts5Tables, type IndexLayout } from "../index-layout.ts";
import { createFts5Schema, fts5Stats } from "./fts5.schema.ts";
import { sqliteBatch } from "./sqlite-batch.ts";
import { type Corpus, estimateFrequency, FRESHNESS, FRESHNESS_HALF_DAYS, rank } from "./fts5-rank.ts";

/** bm25 column weights for related lists (Berita Terkait): shared tags and people count too. */
const RELATED_WEIGHTS = "6.0, 3.0, 1.0, 1.0, 2.0";
const BATCH = 2_000;
/** A rebuild transaction holds the write lock at most about this long. */
const BATCH_MS = 200;
/** Counting stops here ("more than 1 000"), or at the page asked for if deeper. */
export const COUNT_CAP = 1_000;
/** Broad queries rank their newest RANK_WINDOW matches (or more, for a deeper page). */
const RANK_WINDOW = 1_000;

/** Bump when the stored layout changes: the index is then dropped and rebuilt from the articles. */
const FORMAT = "2";
/** Document frequencies are counted up to here; a term this common is "everywhere". */
export const DF_CAP = 10_000;

export function createFts5SearchIndex(
  db: DatabaseSync,
  layout: IndexLayout = "search",
): SearchIndex & { needsRebuild: boolean } {
  const { ftsTable, docsTable, termsTable } = fts5Tables(layout);
  const needsRebuild = createFts5Schema(db, layout, FORMAT);

  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const deleteFts = () => prepare(`DELETE FROM ${ftsTable} WHERE rowid = ?`);
  const deleteDoc = () => prepare(`DELETE FROM ${docsTable} WHERE article_id = ?`);
  const insertFts = () =>
    prepare(`INSERT INTO ${ftsTable} (rowid, headline, lede, body, extra, facets) VALUES (?, ?, ?, ?, ?, ?)`);
  const insertDoc = () =>
    prepare(`INSERT INTO ${docsTable} (article_id, published_at, published_sec) VALUES (?, ?, ?)`);
  const insertTerm = () => prepare(`INSERT OR IGNORE INTO ${termsTable} (term) VALUES (?)`);
  // Terms this process already wrote: most of an article's words are, so skip their statements.
  const knownTerms = new Set<string>();
  const KNOWN_TERMS_CAP = 200_000;
  /** Document count and id range, for rarity estimates (see corpus()). */
  let corpusCache: { corpus: Corpus; at: number } | null = null;

  function write(doc: SearchDocument): void {
    corpusCache = null;
    deleteFts().run(doc.id);
    deleteDoc().run(doc.id);
    const facets = [
      ...doc.sectionIds.map((id) => facetToken("s", id)),
      ...doc.tagIds.map((id) => facetToken("t", id)),
      ...doc.personIds.map((id) => facetToken("p", id)),
      monthToken(doc.publishedAt),
      ...(doc.status ? [statusToken(doc.status)] : []),
    ].join(" ");
    // The vocabulary for typo tolerance only grows; a stale term costs one empty lookup.
    const words = new Set(`${doc.headline} ${doc.lede} ${doc.body} ${doc.extra}`.split(" "));
    if (knownTerms.size > KNOWN_TERMS_CAP) knownTerms.clear();
    for (const term of words) {
      if (term.length < 4 || knownTerms.has(term)) continue;
      insertTerm().run(term);
      knownTerms.add(term);
    }
    insertFts().run(doc.id, doc.headline, doc.lede, doc.body, doc.extra, facets);
    insertDoc().run(doc.id, doc.publishedAt.toISOString(), Math.floor(doc.publishedAt.getTime() / 1000));
  }

  /**
   * Runs `work` atomically. A savepoint nests inside a transaction another caller on this
   * connection may have open, and is a transaction of its own otherwise.
   */
  function atomically(work: () => void): void {
    db.exec("SAVEPOINT search_write");
    try {
      work();
      db.exec("RELEASE search_write");
    } catch (error) {
      db.exec("ROLLBACK TO search_write");
      db.exec("RELEASE search_write");
      knownTerms.clear(); // some of them may have been rolled back
      throw error;
    }
  }

  /** The MATCH expression and the conditions on the docs table (time guard, date filters). */
  function where(query: Pick<IndexQuery, "match" | "exclude" | "filters" | "now" | "excludeIds" | "mode">) {
    const filters = query.filters ?? {};
    const facets: string[][] = [];
    if (filters.sectionIds) facets.push(filters.sectionIds.map((id) => facetToken("s", id)));
    if (filters.tagIds) facets.push(filters.tagIds.map((id) => facetToken("t", id)));
    if (filters.personIds) facets.push(filters.personIds.map((id) => facetToken("p", id)));
    if (filters.statuses) facets.push(filters.statuses.map(statusToken));
    // Date ranges narrow inside FTS by month first; the docs table then applies the exact bounds.
    const months = filters.from && filters.to ? monthTokens(filters.from, filters.to) : null;
    if (months) facets.push(months);
    const match = compileQuery({
      match: query.match,
      exclude: query.exclude,
      facets,
      allColumns: query.mode === "related",
    });
    let docs = "d.published_at <= ?";
    const docParams: SQLInputValue[] = [query.now.toISOString()];
    if (filters.from) {
      docs += " AND d.published_at >= ?";
      docParams.push(filters.from.toISOString());
    }
    if (filters.to) {
      docs += " AND d.published_at <= ?";
      docParams.push(filters.to.toISOString());
    }
    const excludeIds = (query.excludeIds ?? []).filter(Number.isInteger);
    const notIn = excludeIds.length > 0 ? ` AND f.rowid NOT IN (${excludeIds.join(",")})` : "";
    return { match, docs, docParams, notIn, facetGroups: facets };
  }

  const FROM = `FROM ${ftsTable} f JOIN ${docsTable} d ON d.article_id = f.rowid`;

  /** Documents containing the stem, counted up to DF_CAP (cost grows with the count, not the corpus). */
  function frequency(term: string, cap = DF_CAP): number {
    const match = compileQuery({ match: { kind: "term", term } });
    const row = prepare(
      `SELECT count(*) AS n FROM (SELECT rowid FROM ${ftsTable} WHERE ${ftsTable} MATCH ? LIMIT ?)`,
    ).get(match, Math.max(1, Math.min(cap, DF_CAP))) as { n: number };
    return Number(row.n);
  }

  /** Publication times of the given documents (ISO text for exact order, seconds for freshness). */
  function published(ids: number[]): Map<number, { at: string; sec: number }> {
    const rows = prepare(
      `SELECT article_id AS id, published_at AS at, published_sec AS sec FROM ${docsTable} WHERE article_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as { id: number; at: string; sec: number }[];
    return new Map(rows.map((row) => [Number(row.id), { at: row.at, sec: Number(row.sec) }]));
  }

  /** Document count and id range for rarity estimates; re-read after local writes or a minute. */
  function corpus(): Corpus {
    if (corpusCache && Date.now() - corpusCache.at < 60_000) return corpusCache.corpus;
    const one = (sql: string) => Number((prepare(sql).get() as { n: number | null }).n ?? 0);
    const value = {
      documents: one(`SELECT count(*) AS n FROM ${docsTable}`),
      minId: one(`SELECT min(article_id) AS n FROM ${docsTable}`),
      maxId: one(`SELECT max(article_id) AS n FROM ${docsTable}`),
    };
    corpusCache = { corpus: value, at: Date.now() };
    return value;
  }

  const newest = (expression: string, limit: number) =>
    prepare(`SELECT rowid AS id FROM ${ftsTable} WHERE ${ftsTable} MATCH ? ORDER BY rowid DESC LIMIT ?`).all(
      expression,
      limit,
    ) as { id: number }[];

  /** Search mode: the window ordered by relevance (see fts5-rank.ts) or by date, then paged. */
  function searchHits(query: IndexQuery, facetGroups: string[][], ids: number[], offset: number): IndexHit[] {
    if (ids.length === 0) return [];
    const times = published(ids);
    const nowSec = Math.floor(query.now.getTime() / 1000);
    const scoreOf = (scored: number[]) => {
      const stats = corpus();
      return rank({
        match: query.match,
        facetGroups: facetGroups.map((group) => {
          const expression = facetExpression(group);
          return { expression, documents: estimateFrequency(newest, expression, stats) };
        }),
        documents: new Map(scored.map((id) => [id, times.get(id)?.sec ?? nowSec])),
        nowSec,
        corpus: stats,
        newest,
        inRange: prepare(
          `SELECT rowid AS id FROM ${ftsTable} WHERE ${ftsTable} MATCH ? AND rowid >= ? AND rowid <= ?`,
        ),
      });
    };
    if (query.sort === "date") {
      const at = (id: number) => times.get(id)?.at ?? "";
      const page = [...ids]
        .sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : b - a))
        .slice(offset, offset + query.limit);
      const scores = scoreOf(page);
      return page.map((id) => ({ id, score: scores.get(id) ?? 0 }));
    }
    const scores = scoreOf(ids);
    return [...scores]
      .sort(([idA, a], [idB, b]) => b - a || idB - idA)
      .slice(offset, offset + query.limit)
      .map(([id, score]) => ({ id, score }));
  }

  /**
   * Related mode (Berita Terkait): bm25 with facets scoring, over the window (the query's newest
   * matches, from the smallest id in it). Its words are chosen for rarity, so bm25's per-phrase
   * frequency pass stays short.
   */
  function relatedHits(query: IndexQuery, clause: ReturnType<typeof where>, ids: number[], offset: number) {
    if (ids.length === 0) return [];
    const nowSec = Math.floor(query.now.getTime() / 1000);
    const score = `bm25(f.${ftsTable}, ${RELATED_WEIGHTS}) * (1.0 + ${FRESHNESS} / (1.0 + max(0, ${nowSec} - d.published_sec) / ${FRESHNESS_HALF_DAYS * 86_400}.0))`;
    const rows = prepare(
      `SELECT f.rowid AS id, ${score} AS score ${FROM} WHERE f.${ftsTable} MATCH ? AND ${clause.docs}${clause.notIn} AND f.rowid >= ? ORDER BY score ASC, f.rowid DESC LIMIT ? OFFSET ?`,
    ).all(clause.match, ...clause.docParams, BigInt(Math.min(...ids)), query.limit, offset) as {
      id: number;
      score: number;
    }[];
    return rows.map((row): IndexHit => ({ id: Number(row.id), score: -row.score }));
  }

  /**
   * Whether matches must be checked against the docs table: date filters, or a future-dated document
   * that somehow reached the index (it holds only live articles; hits are time-guarded regardless).
   */
  const needsDates = (query: Pick<IndexQuery, "filters" | "now">): boolean =>
    Boolean(query.filters?.from || query.filters?.to) ||
    (
      prepare(`SELECT EXISTS (SELECT 1 FROM ${docsTable} WHERE published_at > ?) AS x`).get(
        query.now.toISOString(),
      ) as { x: number }
    ).x === 1;

  /** The newest `limit` matches, ids descending, unscored (FTS5 streams ids and stops at the LIMIT). */
  function newestMatching(clause: ReturnType<typeof where>, dated: boolean, limit: number): { id: number }[] {
    const { match, docs, docParams, notIn } = clause;
    return (
      dated
        ? prepare(
            `SELECT f.rowid AS id ${FROM} WHERE f.${ftsTable} MATCH ? AND ${docs}${notIn} ORDER BY f.rowid DESC LIMIT ?`,
          ).all(match, ...docParams, limit)
        : prepare(
            `SELECT f.rowid AS id FROM ${ftsTable} f WHERE f.${ftsTable} MATCH ?${notIn} ORDER BY f.rowid DESC LIMIT ?`,
          ).all(match, limit)
    ) as { id: number }[];
  }

  const index: SearchIndex & { needsRebuild: boolean } = {
    needsRebuild,
    name: "sqlite-fts5",

    async upsert(doc) {
      atomically(() => write(doc));
    },

    async remove(id) {
      corpusCache = null;
      atomically(() => {
        deleteFts().run(id);
        deleteDoc().run(id);
      });
    },

    async writeBatch(batch) {
      corpusCache = null;
      // One savepoint for the whole batch: FTS5 turns its pending terms into a new segment each
      // time a savepoint or transaction ends, so a savepoint per document meant a tiny segment per
      // document and merge work on every write (measured: 0.12 against 0.04 ms of CPU per document).
      atomically(() => {
        for (const doc of batch.upsert) write(doc);
        for (const id of batch.remove) {
          deleteFts().run(id);
          deleteDoc().run(id);
        }
      });
    },

    async search(query) {
      const clause = where(query);
      const offset = query.offset ?? 0;
      // How many match, counted up to COUNT_CAP. The FTS index alone answers fast; it is enough
      // unless dates are filtered or a future-dated document somehow reached the index (it holds
      // only live articles; the hits below are time-guarded whatever happens).
      const dated = needsDates(query);
      // One pass over the newest matches (ids descending, no scoring; FTS5 stops at the LIMIT) gives
      // both the count, up to the cap, and the ranking window: broad queries are ranked within their
      // newest `window` matches only, so latency does not grow with the corpus.
      const window = Math.max(RANK_WINDOW, offset + query.limit);
      const scan = Math.max(COUNT_CAP, window) + 1;
      const candidates = newestMatching(clause, dated, query.count === false ? window : scan);
      const counted = query.count === false ? null : candidates.length;
      const ids = candidates.slice(0, window).map((row) => Number(row.id));
      const hits =
        query.mode === "related"
          ? relatedHits(query, clause, ids, offset)
          : searchHits(query, clause.facetGroups, ids, offset);
      if (counted === null) return { total: hits.length, hits, exhaustive: false };
      return {
        total: Math.min(counted, scan - 1),
        hits,
        exhaustive: counted < scan,
      } satisfies IndexResult;
    },

    async matchingIds(query) {
      const clause = where(query);
      return newestMatching(clause, needsDates(query), Math.max(0, query.limit)).map((row) => Number(row.id));
    },

    async rebuild(documents, options: { total?: number; progress?: ProgressCallback } = {}) {
      // Short transactions (BATCH documents or BATCH_MS, whichever first), each started once the
      // write lock is ours, so a server beside a reindex waits milliseconds, never the whole run.
      const batch = sqliteBatch(db, "search_rebuild");
      let count = 0;
      await batch.begin();
      try {
        corpusCache = null;
        db.exec(`INSERT INTO ${ftsTable} (${ftsTable}) VALUES ('delete-all')`);
        db.exec(`DELETE FROM ${docsTable}`);
        db.exec(`DELETE FROM ${termsTable}`);
        knownTerms.clear();
        batch.commit();
        let inBatch = 0;
        let started = Date.now();
        await batch.begin();
        for await (const doc of documents) {
          write(doc);
          count++;
          if (++inBatch >= BATCH || Date.now() - started >= BATCH_MS) {
            batch.commit();
            options.progress?.(count, options.total);
            inBatch = 0;
            await batch.begin();
            started = Date.now();
          }
        }
        batch.commit();
      } catch (error) {
        batch.rollback();
        throw error;
      }
      db.exec(`INSERT INTO ${ftsTable} (${ftsTable}) VALUES ('optimize')`);
      options.progress?.(count, options.total);
      index.needsRebuild = false;
      return count;
    },

    stats: async () => fts5Stats(db, layout),

    async documentCount() {
      return Number((prepare(`SELECT count(*) AS n FROM ${docsTable}`).get() as { n: number }).n);
    },

    async documentFrequency(term, cap) {
      return frequency(term, cap);
    },

    async documentFrequencies(terms, cap) {
      return new Map(terms.map((term) => [term, frequency(term, cap)]));
    },

    async similarTerms(term, maxDistance, limit = 3) {
      if (maxDistance <= 0 || term.length === 0) return [];
      // Candidates share the first letter (typos there are rare); the length band prunes the rest.
      const first = String.fromCodePoint(term.codePointAt(0) as number);
      const next = String.fromCodePoint((first.codePointAt(0) as number) + 1);
      const rows = prepare(
        `SELECT term FROM ${termsTable} WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`,
      ).all(first, next, term.length - maxDistance, term.length + maxDistance) as { term: string }[];
      return bestCandidates(nearTerms(rows, term, maxDistance), limit, (candidate) =>
        frequency(candidate, TYPO_DF_CAP),
      );
    },

    async ids() {
      return (
        prepare(`SELECT article_id AS id FROM ${docsTable} ORDER BY article_id`).all() as { id: number }[]
      ).map((row) => Number(row.id));
    },
  };
  return index;
}
