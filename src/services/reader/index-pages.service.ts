import { sql } from "kysely";
import type { Section } from "../../core/section.ts";
import { FIRST_INDEX_DAY, formatIndexDay, indexDayBounds, indexDayOf } from "../../core/index-day.ts";
import { sectionPath } from "../../core/urls.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import type { ArticleListItem } from "../../db/read/reading.models.ts";
import type { ReadingService } from "../reading.service.ts";
import type { SectionsService } from "../sections.service.ts";
import { liveAt } from "../../db/read/live.ts";

/** A day of stories is a few hundred at most on a busy portal; this caps a pathological one. */
const MAX_STORIES_PER_DAY = 1_000;

export interface IndexDayModel {
  day: string;
  label: string;
  /** The nearest earlier and later days with stories (null when there is none). */
  previous: string | null;
  next: string | null;
  today: string;
  total: number;
  /** Top-level sections in navigation order, each with the day's stories of its subtree. */
  groups: { section: Section; url: string; items: ArticleListItem[] }[];
}

export interface IndexServiceDeps {
  db: Executor;
  clock: () => Date;
  sections: SectionsService;
  reading: Pick<ReadingService, "liveItems">;
}

/**
 * The Indeks (`/indeks/{YYYY-MM-DD}`): every live story of a day in WIB, by section, newest first.
 * Reads only live stories (published, time come), like every reader-facing query.
 */
export function createIndexPagesService(deps: IndexServiceDeps) {
  const { db, clock, sections, reading } = deps;

  /** The nearest day with live stories before `at` or from `at` on: day links skip empty days. */
  async function neighbour(at: Date, direction: "previous" | "next", now: Date): Promise<string | null> {
    let query = db.selectFrom("articles").select("published_at").where(liveAt(now));
    query =
      direction === "previous"
        ? query.where("published_at", "<", at.toISOString()).orderBy("published_at", "desc")
        : query.where("published_at", ">=", at.toISOString()).orderBy("published_at", "asc");
    const row = await query.limit(1).executeTakeFirst();
    if (!row?.published_at) return null;
    const day = indexDayOf(new Date(row.published_at));
    return day < FIRST_INDEX_DAY ? null : day;
  }

  return {
    today: (): string => indexDayOf(clock()),

    /** The day's page, or null for a day that is not a page (in the future or before the first). */
    async day(day: string): Promise<IndexDayModel | null> {
      const now = clock();
      const today = indexDayOf(now);
      if (day > today || day < FIRST_INDEX_DAY) return null;
      const { start, end } = indexDayBounds(day);
      const until = end.getTime() < now.getTime() ? end : new Date(now.getTime() + 1);
      const rows = await db
        .selectFrom("articles")
        .select("id")
        .where(liveAt(now))
        .where("published_at", ">=", start.toISOString())
        .where("published_at", "<", until.toISOString())
        .orderBy("published_at", "desc")
        .orderBy("id", "desc")
        .limit(MAX_STORIES_PER_DAY)
        .execute();
      const items = await reading.liveItems(rows.map((r) => r.id));
      const directory = await sections.directory();
      const groups: IndexDayModel["groups"] = [];
      for (const root of directory.children(null)) {
        const subtree = new Set(directory.subtreeIds(root.id));
        const own = items.filter((item) => subtree.has(item.section.id));
        const path = directory.pathOf(root.id);
        if (own.length > 0 && path) groups.push({ section: root, url: sectionPath(path), items: own });
      }
      const [previous, next] = await Promise.all([
        neighbour(start, "previous", now),
        neighbour(end, "next", now),
      ]);
      return {
        day,
        label: formatIndexDay(day),
        previous,
        next,
        today,
        total: items.length,
        groups,
      };
    },

    /** Every day with live stories, newest first, with its last change (the Indeks sitemap). */
    async days(): Promise<{ day: string; lastmod: Date }[]> {
      const now = clock();
      // Grouped by UTC hour in SQL (portable), folded into WIB days here.
      const hour = sql<string>`substr(published_at, 1, 13)`;
      const rows = await db
        .selectFrom("articles")
        .select([
          hour.as("hour"),
          (eb) => eb.fn.max("published_at").as("max_published"),
          (eb) => eb.fn.max("updated_at").as("max_updated"),
        ])
        .where(liveAt(now))
        .groupBy(hour)
        .execute();
      const byDay = new Map<string, Date>();
      for (const row of rows) {
        const day = indexDayOf(new Date(`${row.hour}:00:00Z`));
        const times = [row.max_published, row.max_updated].flatMap((v) =>
          typeof v === "string" ? [new Date(v).getTime()] : [],
        );
        const lastmod = new Date(Math.max(...times, byDay.get(day)?.getTime() ?? 0));
        byDay.set(day, lastmod);
      }
      return [...byDay]
        .map(([day, lastmod]) => ({ day, lastmod }))
        .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
    },
  };
}

export type IndexPagesService = ReturnType<typeof createIndexPagesService>;
