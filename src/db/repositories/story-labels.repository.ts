import type { StoryLabel } from "../../core/story-label.ts";
import type { Executor } from "./executor.ts";

/** Labels of the stories among `ids` that are fact-checks or live blogs (two indexed lookups). */
export async function storyLabels(db: Executor, ids: number[], now: Date): Promise<Map<number, StoryLabel>> {
  const labels = new Map<number, StoryLabel>();
  if (ids.length === 0) return labels;
  const [checks, blogs] = await Promise.all([
    db.selectFrom("fact_checks").select(["article_id", "verdict"]).where("article_id", "in", ids).execute(),
    db
      .selectFrom("live_blogs")
      .select(["article_id", "coverage_end"])
      .where("article_id", "in", ids)
      .execute(),
  ]);
  for (const row of checks) labels.set(row.article_id, { kind: "verdict", verdict: row.verdict });
  for (const row of blogs)
    labels.set(row.article_id, {
      kind: "live",
      open: row.coverage_end === null || row.coverage_end > now.toISOString(),
    });
  return labels;
}
