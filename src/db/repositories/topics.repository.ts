import type { Topic, TopicRef } from "../../core/topic.ts";
import type { Selectable } from "kysely";
import type { TopicTable } from "../reader.schema.ts";
import type { Executor } from "./executor.ts";
import { liveAt } from "../read/live.ts";

function fromRow(row: Selectable<TopicTable>): Topic {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    intro: row.intro,
    pinnedArticleId: row.pinned_article_id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Topik Pilihan rows (migration 007); liveness of their stories is checked in these queries. */
export function createTopicsRepository() {
  return {
    async byId(db: Executor, id: number): Promise<Topic | null> {
      const row = await db.selectFrom("topics").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async bySlug(db: Executor, slug: string): Promise<Topic | null> {
      const row = await db.selectFrom("topics").selectAll().where("slug", "=", slug).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async all(db: Executor): Promise<Topic[]> {
      const rows = await db.selectFrom("topics").selectAll().orderBy("title").orderBy("id").execute();
      return rows.map(fromRow);
    },

    async insert(db: Executor, topic: Omit<Topic, "id">): Promise<Topic> {
      const row = await db
        .insertInto("topics")
        .values({
          slug: topic.slug,
          title: topic.title,
          intro: topic.intro,
          pinned_article_id: topic.pinnedArticleId,
          created_at: topic.createdAt.toISOString(),
          updated_at: topic.updatedAt.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return fromRow(row);
    },

    async update(db: Executor, topic: Topic): Promise<void> {
      await db
        .updateTable("topics")
        .set({
          slug: topic.slug,
          title: topic.title,
          intro: topic.intro,
          pinned_article_id: topic.pinnedArticleId,
          updated_at: topic.updatedAt.toISOString(),
        })
        .where("id", "=", topic.id)
        .execute();
    },

    async remove(db: Executor, id: number): Promise<void> {
      await db.deleteFrom("topic_articles").where("topic_id", "=", id).execute();
      await db.deleteFrom("topics").where("id", "=", id).execute();
    },

    async attach(db: Executor, topicId: number, articleId: number, at: Date): Promise<void> {
      await db
        .insertInto("topic_articles")
        .values({ topic_id: topicId, article_id: articleId, added_at: at.toISOString() })
        .onConflict((oc) => oc.columns(["topic_id", "article_id"]).doNothing())
        .execute();
    },

    async detach(db: Executor, topicId: number, articleId: number): Promise<boolean> {
      const result = await db
        .deleteFrom("topic_articles")
        .where("topic_id", "=", topicId)
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Every story of a topic, live or not (the staff API). */
    async articleIds(db: Executor, topicId: number): Promise<number[]> {
      const rows = await db
        .selectFrom("topic_articles")
        .select("article_id")
        .where("topic_id", "=", topicId)
        .orderBy("article_id")
        .execute();
      return rows.map((r) => r.article_id);
    },

    /** Ids of the topics a story belongs to (cache purges). */
    async topicIdsOf(db: Executor, articleId: number): Promise<number[]> {
      const rows = await db
        .selectFrom("topic_articles")
        .select("topic_id")
        .where("article_id", "=", articleId)
        .execute();
      return rows.map((r) => r.topic_id);
    },

    /** The topics a story belongs to, by title (its labels). */
    async refsOf(db: Executor, articleId: number): Promise<TopicRef[]> {
      return db
        .selectFrom("topic_articles")
        .innerJoin("topics", "topics.id", "topic_articles.topic_id")
        .select(["topics.id", "topics.slug", "topics.title"])
        .where("topic_articles.article_id", "=", articleId)
        .orderBy("topics.title")
        .execute();
    },

    /** A topic's live stories, newest first. */
    async liveIds(db: Executor, topicId: number, now: Date, limit: number, offset = 0): Promise<number[]> {
      const rows = await db
        .selectFrom("topic_articles")
        .innerJoin("articles", "articles.id", "topic_articles.article_id")
        .select("articles.id")
        .where("topic_articles.topic_id", "=", topicId)
        .where(liveAt(now))
        .orderBy("articles.published_at", "desc")
        .orderBy("articles.id", "desc")
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => r.id);
    },

    async countLive(db: Executor, topicId: number, now: Date): Promise<number> {
      const row = await db
        .selectFrom("topic_articles")
        .innerJoin("articles", "articles.id", "topic_articles.article_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("topic_articles.topic_id", "=", topicId)
        .where(liveAt(now))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** Topics with at least one live story, the most recently updated first, with that time. */
    async withLiveStories(db: Executor, now: Date): Promise<{ topicId: number; latest: string }[]> {
      const rows = await db
        .selectFrom("topic_articles")
        .innerJoin("articles", "articles.id", "topic_articles.article_id")
        .select([
          "topic_articles.topic_id as topicId",
          (eb) => eb.fn.max("articles.published_at").as("latest"),
        ])
        .where(liveAt(now))
        .groupBy("topic_articles.topic_id")
        .orderBy((eb) => eb.fn.max("articles.published_at"), "desc")
        .execute();
      return rows.map((r) => ({ topicId: r.topicId, latest: String(r.latest) }));
    },
  };
}

export type TopicsRepository = ReturnType<typeof createTopicsRepository>;
