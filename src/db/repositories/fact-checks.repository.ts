import type { FactCheck } from "../../core/fact-check.ts";
import type { FactCheckTable } from "../reader.schema.ts";
import { fromIso, toIso, type Executor } from "./executor.ts";
import { liveAt } from "../read/live.ts";

function fromRow(row: FactCheckTable): FactCheck {
  return {
    articleId: row.article_id,
    claim: row.claim,
    claimant: row.claimant,
    appearance: row.appearance,
    appearanceUrl: row.appearance_url,
    claimDate: fromIso(row.claim_date),
    verdict: row.verdict,
    updatedAt: new Date(row.updated_at),
  };
}

/** Cek Fakta rows (migration 007); liveness is the article's, checked by the callers' queries. */
export function createFactChecksRepository() {
  return {
    async find(db: Executor, articleId: number): Promise<FactCheck | null> {
      const row = await db
        .selectFrom("fact_checks")
        .selectAll()
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async byArticleIds(db: Executor, ids: number[]): Promise<Map<number, FactCheck>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom("fact_checks").selectAll().where("article_id", "in", ids).execute();
      return new Map(rows.map((row) => [row.article_id, fromRow(row)]));
    },

    async upsert(db: Executor, check: FactCheck): Promise<void> {
      const row = {
        claim: check.claim,
        claimant: check.claimant,
        appearance: check.appearance,
        appearance_url: check.appearanceUrl,
        claim_date: toIso(check.claimDate),
        verdict: check.verdict,
        updated_at: check.updatedAt.toISOString(),
      };
      await db
        .insertInto("fact_checks")
        .values({ article_id: check.articleId, ...row })
        .onConflict((oc) => oc.column("article_id").doUpdateSet(row))
        .execute();
    },

    async remove(db: Executor, articleId: number): Promise<boolean> {
      const result = await db
        .deleteFrom("fact_checks")
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Live fact-checks, newest first (the /cek-fakta list and its feed). */
    async liveIds(db: Executor, now: Date, limit: number, offset = 0): Promise<number[]> {
      const rows = await db
        .selectFrom("fact_checks")
        .innerJoin("articles", "articles.id", "fact_checks.article_id")
        .select("articles.id")
        .where(liveAt(now))
        .orderBy("articles.published_at", "desc")
        .orderBy("articles.id", "desc")
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => r.id);
    },

    async countLive(db: Executor, now: Date): Promise<number> {
      const row = await db
        .selectFrom("fact_checks")
        .innerJoin("articles", "articles.id", "fact_checks.article_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where(liveAt(now))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type FactChecksRepository = ReturnType<typeof createFactChecksRepository>;
