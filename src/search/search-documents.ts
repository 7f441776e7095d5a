/**
 * Building index documents from the store: one article (after an event) or every article in
 * batches (reindex). In the public index's scope ("search") only live articles (published, time
 * come) ever become documents; in the newsroom's (index-layout.ts) every story does, with its
 * status, dated by its last activity.
 */
import { sql } from "kysely";
import type { SectionDirectory, SectionDirectorySource } from "../core/section.ts";
import { bodyDocumentSchema } from "../content/body.schema.ts";
import { renderBodyText } from "../content/body-text.renderer.ts";
import { liveAt } from "../db/read/live.ts";
import type { Store } from "../db/store.ts";
import type { Analyzer } from "./analyzer/analyzer.ts";
import type { ArticleStatus } from "../core/article.ts";
import type { IndexLayout } from "./index-layout.ts";
import type { ProgressCallback, SearchDocument, SearchIndex } from "./search-index.ts";

const BATCH = 500;

interface Row {
  id: number;
  headline: string;
  lede: string;
  body: string;
  section_id: number;
  published_at: string | null;
  status: string;
  modified_at: string;
}

/** The plain text of a stored body (JSON); an unreadable body indexes as empty rather than failing. */
export function bodyText(json: string): string {
  try {
    const parsed = bodyDocumentSchema.safeParse(JSON.parse(json));
    return parsed.success ? renderBodyText(parsed.data) : "";
  } catch {
    return "";
  }
}

function groupByArticle<T extends { article_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.article_id);
    if (group) group.push(row);
    else groups.set(row.article_id, [row]);
  }
  return groups;
}

export function createDocumentSource(deps: { store: Store; analyzer: Analyzer; scope?: IndexLayout }) {
  const { store, analyzer } = deps;
  const db = store.db;
  const newsroom = deps.scope === "newsroom";

  /** The articles that become documents: live ones, or (newsroom) every one. */
  const liveRows = (now: Date) => {
    const rows = db
      .selectFrom("articles")
      .select(["id", "headline", "lede", "body", "section_id", "published_at", "status", "modified_at"]);
    return newsroom ? rows : rows.where(liveAt(now));
  };

  async function toDocuments(rows: Row[], directory: SectionDirectory): Promise<SearchDocument[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [tags, credits] = await Promise.all([
      db
        .selectFrom("article_tags")
        .innerJoin("tags", "tags.id", "article_tags.tag_id")
        .select(["article_tags.article_id", "tags.id", "tags.name"])
        .where("article_tags.article_id", "in", ids)
        .execute(),
      db
        .selectFrom("article_credits")
        .innerJoin("people", "people.id", "article_credits.person_id")
        .select(["article_credits.article_id", "people.id", "people.name"])
        .where("article_credits.article_id", "in", ids)
        .execute(),
    ]);
    const tagsOf = groupByArticle(tags);
    const creditsOf = groupByArticle(credits);
    return rows.map((row) => {
      const path = directory.pathOf(row.section_id);
      const articleTags = tagsOf.get(row.id) ?? [];
      const people = creditsOf.get(row.id) ?? [];
      return {
        id: row.id,
        headline: analyzer.toIndexText(row.headline),
        lede: analyzer.toIndexText(row.lede),
        body: analyzer.toIndexText(bodyText(row.body)),
        extra: analyzer.toIndexText(
          [...people.map((p) => p.name), ...articleTags.map((t) => t.name)].join(". "),
        ),
        sectionIds: path ? [...path.ancestors.map((s) => s.id), path.section.id] : [row.section_id],
        tagIds: [...new Set(articleTags.map((t) => t.id))],
        personIds: [...new Set(people.map((p) => p.id))],
        ...(newsroom
          ? { publishedAt: new Date(row.modified_at), status: row.status as ArticleStatus }
          : { publishedAt: new Date(row.published_at as string) }),
      };
    });
  }

  return {
    /** The document for one article, or null when it is not live at `now`. */
    async one(id: number, now: Date, directory: SectionDirectory): Promise<SearchDocument | null> {
      const rows = await liveRows(now).where("id", "=", id).execute();
      const [doc] = await toDocuments(rows, directory);
      return doc ?? null;
    },

    /** The documents of those of `ids` that are live at `now` (a batch of changed articles). */
    async many(ids: number[], now: Date, directory: SectionDirectory): Promise<SearchDocument[]> {
      const documents: SearchDocument[] = [];
      for (let start = 0; start < ids.length; start += BATCH) {
        const rows = await liveRows(now)
          .where("id", "in", ids.slice(start, start + BATCH))
          .execute();
        documents.push(...(await toDocuments(rows, directory)));
      }
      return documents;
    },

    /** How many articles become documents at `now` (the scope's). */
    async countLive(now: Date): Promise<number> {
      const all = db.selectFrom("articles").select(sql<number>`count(*)`.as("n"));
      const row = await (newsroom ? all : all.where(liveAt(now))).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Every live article, in id order, a batch at a time. */
    async *all(now: Date, directory: SectionDirectory): AsyncGenerator<SearchDocument> {
      let after = 0;
      for (;;) {
        const rows = await liveRows(now).where("id", ">", after).orderBy("id").limit(BATCH).execute();
        if (rows.length === 0) return;
        yield* await toDocuments(rows, directory);
        after = (rows[rows.length - 1] as Row).id;
      }
    },
  };
}

export type DocumentSource = ReturnType<typeof createDocumentSource>;

/** Fills `index` with every document `documents` holds now (counted first, for the progress bar). */
export async function rebuildFromStore(
  index: SearchIndex,
  documents: DocumentSource,
  parts: { sections: SectionDirectorySource; clock: () => Date },
  progress?: ProgressCallback,
): Promise<number> {
  const now = parts.clock();
  const total = await documents.countLive(now);
  return index.rebuild(documents.all(now, await parts.sections.directory()), {
    total,
    ...(progress ? { progress } : {}),
  });
}
