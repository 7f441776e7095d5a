import { z } from "zod";
import type { Actor } from "../core/actor.ts";
import { isLive } from "../core/article.ts";
import type { CorrectionKind } from "../core/correction.ts";
import { AppError } from "../core/errors.ts";
import { actorUserId } from "../core/revision.ts";
import type { Executor } from "../db/repositories/executor.ts";
import { inTransaction } from "../db/transaction.ts";
import type { AuditLog } from "./accounts/audit.service.ts";
import type { ArticlesService } from "./articles.service.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { parseInput } from "./validation.ts";

export type { CorrectionKind };

export interface Correction {
  id: number;
  articleId: number;
  kind: CorrectionKind;
  note: string;
  at: Date;
}

export const correctionInputSchema = z.object({
  kind: z.enum(["koreksi", "ralat"], { error: "Pilih koreksi atau ralat." }),
  note: z
    .string()
    .trim()
    .min(1, "Catatan koreksi wajib diisi.")
    .max(2000, "Catatan terlalu panjang (maksimal 2000 karakter)."),
});

export type CorrectionInput = z.input<typeof correctionInputSchema>;

/** Loads the public corrections of some articles, oldest first (reading model and API). */
export async function correctionsOf(db: Executor, articleIds: number[]): Promise<Correction[]> {
  if (articleIds.length === 0) return [];
  const rows = await db
    .selectFrom("article_corrections")
    .select(["id", "article_id", "kind", "note", "created_at"])
    .where("article_id", "in", articleIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    kind: r.kind,
    note: r.note,
    at: new Date(r.created_at),
  }));
}

/**
 * Corrections: a public, timestamped note on a published article's page. Adding one emits
 * article.updated so caches purge and feeds/JSON-LD pick it up; the article's text is edited
 * separately (staged revision) — the note says what was wrong.
 */
export function createCorrectionsService(deps: ServiceDeps & { articles: ArticlesService; audit: AuditLog }) {
  const { db, clock, articles, audit } = deps;
  return {
    list: (articleId: number) => correctionsOf(db, [articleId]),

    /**
     * The newest corrections across all stories, newest first, with each story's headline (the
     * desk's corrections lane); `after` continues after the last one seen (its time and id).
     */
    async recent(options: {
      limit: number;
      after?: { at: string; id: number };
    }): Promise<(Correction & { headline: string })[]> {
      let query = db
        .selectFrom("article_corrections as c")
        .innerJoin("articles as a", "a.id", "c.article_id")
        .select(["c.id", "c.article_id", "c.kind", "c.note", "c.created_at", "a.headline"])
        .orderBy("c.created_at", "desc")
        .orderBy("c.id", "desc")
        .limit(options.limit);
      const after = options.after;
      if (after)
        query = query.where((eb) =>
          eb.or([
            eb("c.created_at", "<", after.at),
            eb.and([eb("c.created_at", "=", after.at), eb("c.id", "<", after.id)]),
          ]),
        );
      return (await query.execute()).map((r) => ({
        id: r.id,
        articleId: r.article_id,
        kind: r.kind,
        note: r.note,
        at: new Date(r.created_at),
        headline: r.headline,
      }));
    },

    async add(articleId: number, input: CorrectionInput, actor: Actor): Promise<Correction> {
      const data = parseInput(correctionInputSchema, input);
      const article = await articles.get(articleId);
      const now = clock();
      if (!isLive(article, now))
        throw new AppError("invalid_transition", "Koreksi hanya untuk artikel yang sedang terbit.", {
          extra: { action: "correct", from: article.status },
        });
      // The note and its audit entry commit together (joins the caller's unit of work, if any).
      const row = await inTransaction(db, async (tx) => {
        const inserted = await tx
          .insertInto("article_corrections")
          .values({
            article_id: articleId,
            kind: data.kind,
            note: data.note,
            actor_user_id: actorUserId(actor),
            created_at: now.toISOString(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit.record(
          {
            actor,
            action: "article.correct",
            resourceType: "article",
            resourceId: articleId,
            detail: { kind: data.kind, correctionId: inserted.id },
          },
          tx,
        );
        return inserted;
      });
      await articles.notify("article.updated", article, article);
      return { id: row.id, articleId, kind: data.kind, note: data.note, at: now };
    },
  };
}

export type CorrectionsService = ReturnType<typeof createCorrectionsService>;
