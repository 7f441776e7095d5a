import { hostname } from "node:os";
import type { Actor } from "../core/actor.ts";
import type { ArticlesService } from "./articles.service.ts";
import type { ServiceDeps } from "./service-deps.ts";

export interface SchedulerOptions {
  /** How often the loop looks for due articles (default 1000 ms). */
  intervalMs?: number;
  /** Names this process in the publication log (default host:pid). */
  runner?: string;
  onError?: (error: unknown) => void;
}

export interface ScheduledPublication {
  articleId: number;
  scheduledFor: Date;
  publishedAt: Date;
  latenessMs: number;
  runner: string;
}

/**
 * Embargo and scheduling. A scheduled article is not live for any door (reading.service shows
 * only `published`), so nothing leaks before T; at T this puts it live:
 * - a loop checks for due articles every `intervalMs` (1 s) and a precise timer fires at the next
 *   due time, so an article is live within about a second of T;
 * - `start()` first catches up on everything already due (e.g. after a restart or downtime);
 * - each publish is a conditional UPDATE (`status = 'scheduled' AND version = n`), so two
 *   processes running the scheduler publish an article exactly once;
 * - lateness (actual publish time − scheduled time) goes to `scheduled_publications` and, with the
 *   runner, to the audit entry the publish writes in its own transaction (article-staging.ts).
 */
export function createScheduler(
  deps: ServiceDeps & { articles: ArticlesService },
  options: SchedulerOptions = {},
) {
  const { db, repos, clock, articles } = deps;
  const intervalMs = options.intervalMs ?? 1000;
  const runner = options.runner ?? `${hostname()}:${process.pid}`;
  const onError = options.onError ?? ((error) => console.error("Scheduler tick failed:", error));
  const actor: Actor = { kind: "system", name: "scheduler" };
  let loop: NodeJS.Timeout | null = null;
  let precise: NodeJS.Timeout | null = null;
  let running: Promise<ScheduledPublication[]> | null = null;
  let stopped = true;

  async function publishDue(): Promise<ScheduledPublication[]> {
    const due = await repos.articles.listDue(db, clock());
    const published: ScheduledPublication[] = [];
    for (const summary of due) {
      const current = await repos.articles.findById(db, summary.id);
      if (!current || current.status !== "scheduled" || !current.publishedAt) continue;
      const now = clock();
      const entry: ScheduledPublication = {
        articleId: current.id,
        scheduledFor: current.publishedAt,
        publishedAt: now,
        latenessMs: Math.max(0, now.getTime() - current.publishedAt.getTime()),
        runner,
      };
      // The log row commits with the publish: no reader (or crash) sees one without the other.
      const after = await articles.publishScheduled(current.id, current.version, actor, {
        runner,
        alongside: async (tx) => {
          await tx
            .insertInto("scheduled_publications")
            .values({
              article_id: entry.articleId,
              scheduled_for: entry.scheduledFor.toISOString(),
              published_at: entry.publishedAt.toISOString(),
              lateness_ms: entry.latenessMs,
              runner,
            })
            .execute();
        },
      });
      if (!after) continue; // another runner (or an editor) got there first
      published.push(entry);
    }
    return published;
  }

  async function nextDueAt(): Promise<Date | null> {
    const row = await db
      .selectFrom("articles")
      .select((eb) => eb.fn.min("published_at").as("at"))
      .where("status", "=", "scheduled")
      .executeTakeFirst();
    return row?.at ? new Date(row.at) : null;
  }

  /** Sets one timer for the next due article (capped, the loop covers the rest). */
  async function armPrecise(): Promise<void> {
    if (stopped) return;
    const at = await nextDueAt();
    if (precise) clearTimeout(precise);
    precise = null;
    if (!at || stopped) return;
    const delay = Math.min(Math.max(0, at.getTime() - clock().getTime()) + 5, 60_000);
    precise = setTimeout(() => void tick(), delay);
    precise.unref();
  }

  /** Publishes everything due now; safe to call any time, from any process. */
  async function tick(): Promise<ScheduledPublication[]> {
    if (running) return running;
    running = publishDue().finally(() => {
      running = null;
    });
    try {
      const result = await running;
      await armPrecise();
      return result;
    } catch (error) {
      onError(error);
      return [];
    }
  }

  return {
    tick,
    /** Catches up on everything already due, then keeps watching. */
    async start(): Promise<ScheduledPublication[]> {
      if (!stopped) return [];
      stopped = false;
      const caughtUp = await tick();
      loop = setInterval(() => void tick(), intervalMs);
      loop.unref();
      return caughtUp;
    },
    /** Stops the timers and waits for a tick in progress. */
    async stop(): Promise<void> {
      stopped = true;
      if (loop) clearInterval(loop);
      if (precise) clearTimeout(precise);
      loop = null;
      precise = null;
      await running?.catch(() => undefined);
    },
    /**
     * For monitoring: the lateness of the last scheduled publication, and how long the oldest due
     * story has been waiting (0 when nothing is overdue; grows while no scheduler runs).
     */
    async lateness(): Promise<{ lastMs: number | null; overdueMs: number }> {
      const last = await db
        .selectFrom("scheduled_publications")
        .select("lateness_ms")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      const now = clock();
      const due = await db
        .selectFrom("articles")
        .select((eb) => eb.fn.min("published_at").as("at"))
        .where("status", "=", "scheduled")
        .where("published_at", "<=", now.toISOString())
        .executeTakeFirst();
      return {
        lastMs: last ? Number(last.lateness_ms) : null,
        overdueMs: due?.at ? Math.max(0, now.getTime() - Date.parse(due.at)) : 0,
      };
    },
    /** The publication log: newest first. */
    async publications(limit = 50): Promise<ScheduledPublication[]> {
      const rows = await db
        .selectFrom("scheduled_publications")
        .selectAll()
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        articleId: r.article_id,
        scheduledFor: new Date(r.scheduled_for),
        publishedAt: new Date(r.published_at),
        latenessMs: r.lateness_ms,
        runner: r.runner,
      }));
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
