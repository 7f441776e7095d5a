/**
 * Query pieces of the PostgreSQL adapter (tsvector.index.ts): phrase handling, the split of facet
 * tokens from words in related lists, phrase matching that reads few vectors, and the read
 * transaction with sequential scans off.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { FACET_TOKEN } from "../facet-tokens.ts";
import type { MatchNode } from "../search-index.ts";

type Db = Kysely<Database>;

/** A query with a phrase checks word order on at most this many newest stories holding its words. */
const PHRASE_CANDIDATES = 20_000;

export const hasPhrase = (node: MatchNode): boolean =>
  node.kind === "phrase" ? node.terms.length > 1 : node.kind !== "term" && node.nodes.some(hasPhrase);

/** The same match with every phrase loosened to "all of its words" (what the GIN index answers alone). */
export const withoutPhrases = (node: MatchNode): MatchNode =>
  node.kind === "phrase"
    ? { kind: "all", nodes: node.terms.map((term): MatchNode => ({ kind: "term", term })) }
    : node.kind === "term"
      ? node
      : { kind: node.kind, nodes: node.nodes.map(withoutPhrases) };

/** Related lists: facet tokens among a match-any's terms become array overlaps; the rest is text. */
export function splitFacets(match: MatchNode): {
  text: MatchNode | null;
  tags: number[];
  people: number[];
  sections: number[];
} {
  const facets = { tags: [] as number[], people: [] as number[], sections: [] as number[] };
  if (match.kind !== "any") return { text: match, ...facets };
  const nodes: MatchNode[] = [];
  for (const node of match.nodes) {
    if (node.kind === "term" && FACET_TOKEN.test(node.term)) {
      const id = Number(node.term.slice(1));
      if (node.term.startsWith("t")) facets.tags.push(id);
      else if (node.term.startsWith("p")) facets.people.push(id);
      else if (node.term.startsWith("s")) facets.sections.push(id);
      else nodes.push(node); // a month token is an ordinary word here
    } else nodes.push(node);
  }
  return { text: nodes.length === 0 ? null : { kind: "any", nodes }, ...facets };
}

/** Runs read queries on one connection with sequential scans off (see the header). */
export function reading<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // With seqscan off, a plan with no index path costs 1e10 and would be JIT-compiled (~100s of ms).
    await sql`SET LOCAL enable_seqscan = off; SET LOCAL jit = off`.execute(trx);
    return work(trx);
  });
}

/**
 * The newest `scan` rows matching a query with a phrase, reading few vectors. The GIN index knows
 * which stories hold all of a phrase's words but not where, so PostgreSQL checks the order by
 * reading the vector of every such story (7 600 at 100k for "pakta pertahanan bersama", ~80 ms).
 * Instead: the ids holding all the words (the GIN alone answers, newest first, up to
 * PHRASE_CANDIDATES), then the full query on them in batches, newest first, until `scan` match.
 * Null when the candidates ran out at their cap before enough matched: the caller then runs the
 * full query as usual.
 */
export async function phraseMatches(
  on: Db,
  docsTable: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  conditions: RawBuilder<unknown>[],
  relaxed: string,
  scan: number,
): Promise<{ rows: { id: number }[] } | null> {
  // The same conditions with the text relaxed (phrases as plain "all of these words"); the full
  // query below applies the order and every exclusion.
  const loose = sql.join([sql`terms @@ ${relaxed}::tsquery`, ...conditions.slice(1)], sql` AND `);
  await sql`SET LOCAL enable_indexscan = off`.execute(on);
  const found = await sql<{ id: number }>`
    SELECT article_id AS id FROM ${docsTable} WHERE ${loose}
    ORDER BY article_id DESC LIMIT ${PHRASE_CANDIDATES}`.execute(on);
  const candidates = found.rows.map((row) => row.id);
  // Look the candidates up by id: left to itself the planner would take the phrase's GIN bitmap
  // again and read every candidate's vector.
  await sql`SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = off`.execute(on);
  const rows: { id: number }[] = [];
  let batch = scan + Math.ceil(scan / 4);
  for (let start = 0; start < candidates.length && rows.length < scan; start += batch, batch *= 2) {
    const ids = candidates.slice(start, start + batch);
    const matched = await sql<{ id: number }>`
      SELECT article_id AS id FROM ${docsTable} WHERE article_id = ANY (${ids}::int[]) AND ${where}
      ORDER BY article_id DESC`.execute(on);
    rows.push(...matched.rows);
  }
  await sql`SET LOCAL enable_bitmapscan = on`.execute(on);
  if (rows.length < scan && candidates.length >= PHRASE_CANDIDATES) return null;
  return { rows: rows.slice(0, scan) };
}
