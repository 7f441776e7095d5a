import { z } from "zod";
import type { Actor } from "../../core/actor.ts";
import { AppError } from "../../core/errors.ts";
import { FACT_CHECK_VERDICTS, type FactCheck } from "../../core/fact-check.ts";
import { createFactChecksRepository } from "../../db/repositories/fact-checks.repository.ts";
import type { ArticlesService } from "../articles.service.ts";
import type { ArticleListItem, Page } from "../../db/read/reading.models.ts";
import type { ReadingService } from "../reading.service.ts";
import { parseInput } from "../validation.ts";
import { commitWithEvents, storyChanged, type StoryEventDeps } from "./story-events.ts";

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} wajib diisi.`).max(max, `${what} paling banyak ${max} karakter.`);

/** The fields as sent (the API documents and checks these; the service parses them once more). */
export const factCheckFieldsSchema = z.object({
  claim: text(1000, "Klaim"),
  claimant: text(200, "Pembuat klaim"),
  appearance: text(300, "Tempat klaim muncul"),
  appearanceUrl: z
    .url({ protocol: /^https?$/, error: "Tautan harus berupa URL http(s)." })
    .nullable()
    .optional(),
  claimDate: z.iso
    .datetime({ offset: true, error: "Tanggal klaim harus berupa waktu ISO 8601." })
    .nullable()
    .optional(),
  verdict: z.enum(FACT_CHECK_VERDICTS, {
    error: "Putusan harus salah satu dari: benar, sebagian-benar, menyesatkan, salah, hoaks.",
  }),
});

const factCheckInputSchema = factCheckFieldsSchema.transform((input) => ({
  ...input,
  appearanceUrl: input.appearanceUrl ?? null,
  claimDate: input.claimDate ? new Date(input.claimDate) : null,
}));

export type FactCheckInput = z.input<typeof factCheckInputSchema>;

export interface FactChecksServiceDeps extends StoryEventDeps {
  articles: Pick<ArticlesService, "get">;
  reading: Pick<ReadingService, "liveItems">;
}

export const FACT_CHECK_PAGE_SIZE = 20;

/**
 * Makes a story a Cek Fakta (or changes its claim and verdict). The story itself — headline, body,
 * workflow, embargo — is an ordinary article; this is what it checks and how it rates it.
 */
export function createFactChecksService(deps: FactChecksServiceDeps) {
  const { db, clock } = deps;
  const repo = createFactChecksRepository();

  return {
    repo,
    async get(articleId: number): Promise<FactCheck | null> {
      return repo.find(db, articleId);
    },

    /** The fact-checks among these stories (the others are ordinary stories), in the order asked. */
    async ofArticles(articleIds: readonly number[]): Promise<FactCheck[]> {
      const found = await repo.byArticleIds(db, [...new Set(articleIds)]);
      return [...new Set(articleIds)].flatMap((id) => found.get(id) ?? []);
    },

    /** Sets the fact-check of an existing article; `_actor` is authorized by the caller. */
    async set(articleId: number, input: unknown, _actor: Actor): Promise<FactCheck> {
      const parsed = parseInput(factCheckInputSchema, input);
      const article = await deps.articles.get(articleId);
      const check: FactCheck = { articleId, ...parsed, updatedAt: clock() };
      const event = await storyChanged(deps, article);
      await commitWithEvents(
        deps,
        (tx) => repo.upsert(tx, check),
        () => [event],
      );
      return check;
    },

    /** A page of the `/cek-fakta` list (live fact-checks, newest first), or null past the last. */
    async listPage(page: number): Promise<Page<ArticleListItem & { claim: string }> | null> {
      const now = clock();
      const [ids, total] = await Promise.all([
        repo.liveIds(db, now, FACT_CHECK_PAGE_SIZE, (page - 1) * FACT_CHECK_PAGE_SIZE),
        repo.countLive(db, now),
      ]);
      const pageCount = Math.max(1, Math.ceil(total / FACT_CHECK_PAGE_SIZE));
      if (page > pageCount) return null;
      const [items, checks] = await Promise.all([deps.reading.liveItems(ids), repo.byArticleIds(db, ids)]);
      return {
        items: items.map((item) => ({ ...item, claim: checks.get(item.id)?.claim ?? "" })),
        page,
        pageCount,
        total,
      };
    },

    /** Ids of the newest live fact-checks (their feed). */
    async latestIds(limit: number): Promise<number[]> {
      return repo.liveIds(db, clock(), limit);
    },

    /** Makes the story an ordinary story again. */
    async remove(articleId: number, _actor: Actor): Promise<void> {
      const event = await storyChanged(deps, await deps.articles.get(articleId));
      const removed = await commitWithEvents(
        deps,
        (tx) => repo.remove(tx, articleId),
        (done) => (done ? [event] : []),
      );
      if (!removed) throw new AppError("not_found", "Artikel ini bukan cek fakta.");
    },
  };
}

export type FactChecksService = ReturnType<typeof createFactChecksService>;
