/**
 * Search aliases the newsroom edits: `Korut` = `Korea Utara`, `AS` = `Amerika Serikat`. A query for
 * either side finds both. Defaults are seeded by migration 004; the table is the only truth.
 */
import type { Actor } from "../core/actor.ts";
import { AppError, notFound, type FieldIssue } from "../core/errors.ts";
import type { Store } from "../db/store.ts";
import type { Analyzer } from "./analyzer/analyzer.ts";
import { buildAliasTable, type AliasTable } from "./query/compile-query.ts";

export interface SearchAlias {
  id: number;
  term: string;
  expansion: string;
}

export interface AliasesServiceDeps {
  store: Store;
  analyzer: Analyzer;
  clock: () => Date;
  /** How long another process's edits may take to be seen here. Default 30 s. */
  cacheMs?: number;
}

const clean = (text: unknown) => (typeof text === "string" ? text.replace(/\s+/gu, " ").trim() : "");

function refuseTaken(all: SearchAlias[], term: string, selfId: number | null): void {
  if (all.some((a) => a.id !== selfId && a.term.toLowerCase() === term.toLowerCase()))
    throw new AppError("conflict", "Alias untuk istilah ini sudah ada.", {
      details: [{ field: "term", message: "Sudah ada; ubah alias yang ada." }],
    });
}

export function createAliasesService(deps: AliasesServiceDeps) {
  const { store, analyzer, clock } = deps;
  const cacheMs = deps.cacheMs ?? 30_000;
  let cached: { table: AliasTable; at: number } | null = null;

  async function list(): Promise<SearchAlias[]> {
    return store.db
      .selectFrom("search_aliases")
      .select(["id", "term", "expansion"])
      .orderBy("term")
      .execute();
  }

  function validate(input: { term: unknown; expansion: unknown }): { term: string; expansion: string } {
    const term = clean(input.term);
    const expansion = clean(input.expansion);
    const issues: FieldIssue[] = [];
    if (term.length === 0 || term.length > 60) issues.push({ field: "term", message: "Isi 1–60 karakter." });
    else if (analyzer.analyze(term, { keepStopWords: true }).length === 0)
      issues.push({ field: "term", message: "Harus memuat huruf atau angka." });
    if (expansion.length === 0 || expansion.length > 200)
      issues.push({ field: "expansion", message: "Isi 1–200 karakter." });
    else if (analyzer.analyze(expansion).length === 0)
      issues.push({ field: "expansion", message: "Harus memuat kata yang bisa dicari." });
    if (issues.length > 0)
      throw new AppError("validation_failed", "Alias pencarian tidak valid.", { details: issues });
    return { term, expansion };
  }

  /** Adds the alias, or replaces the expansion of an existing term (matched case-insensitively). */
  async function set(input: { term: unknown; expansion: unknown }, _actor: Actor): Promise<SearchAlias> {
    const { term, expansion } = validate(input);
    const existing = (await list()).find((a) => a.term.toLowerCase() === term.toLowerCase());
    if (existing) {
      await store.db
        .updateTable("search_aliases")
        .set({ term, expansion })
        .where("id", "=", existing.id)
        .execute();
    } else {
      await store.db
        .insertInto("search_aliases")
        .values({ term, expansion, created_at: clock().toISOString() })
        .execute();
    }
    cached = null;
    const saved = (await list()).find((a) => a.term === term);
    if (!saved) throw notFound("Alias");
    return saved;
  }

  return {
    list,

    /** The two-way lookup table queries use; rebuilt after an edit here, or after `cacheMs`. */
    async table(): Promise<AliasTable> {
      const now = Date.now();
      if (!cached || now - cached.at > cacheMs) {
        cached = { table: buildAliasTable(await list(), analyzer), at: now };
      }
      return cached.table;
    },

    set,

    /** A new alias; a term already there (case-insensitively) is refused: edit that one instead. */
    async create(input: { term: unknown; expansion: unknown }, actor: Actor): Promise<SearchAlias> {
      const { term } = validate(input);
      refuseTaken(await list(), term, null);
      return set(input, actor);
    },

    /** Changes the term and/or the expansion of alias `id` (fields not given are kept). */
    async update(
      id: number,
      input: { term?: unknown; expansion?: unknown },
      _actor: Actor,
    ): Promise<SearchAlias> {
      const all = await list();
      const current = all.find((a) => a.id === id);
      if (!current) throw notFound("Alias");
      const { term, expansion } = validate({
        term: input.term ?? current.term,
        expansion: input.expansion ?? current.expansion,
      });
      refuseTaken(all, term, id);
      await store.db.updateTable("search_aliases").set({ term, expansion }).where("id", "=", id).execute();
      cached = null;
      return { id, term, expansion };
    },

    async remove(id: number, _actor: Actor): Promise<void> {
      const result = await store.db.deleteFrom("search_aliases").where("id", "=", id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notFound("Alias");
      cached = null;
    },
  };
}

export type AliasesService = ReturnType<typeof createAliasesService>;
