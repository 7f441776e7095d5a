import { useEffect, useState } from "react";
import { api } from "../lib/api.ts";
import type { Article, ArticleStatus } from "../lib/types.ts";

/** The API's Topic (see /api/v1/openapi.json). */
export interface Topic {
  id: number;
  slug: string;
  title: string;
  intro: string;
  pinnedArticleId: number | null;
  articleIds: number[];
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoryRef {
  id: number;
  headline: string;
  status: ArticleStatus;
}

const stories = new Map<number, Promise<StoryRef | null>>();

/** Headline and status of stories by id (GET /articles/:id once each per page). */
export function useStories(ids: readonly number[]): Map<number, StoryRef> {
  const [found, setFound] = useState(new Map<number, StoryRef>());
  const key = ids.join(",");
  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(",").map(Number) : [];
    for (const id of wanted)
      if (!stories.has(id))
        stories.set(
          id,
          api
            .get<Article>(`/articles/${id}`)
            .then((a) => ({ id: a.id, headline: a.headline, status: a.status }))
            .catch(() => null),
        );
    void Promise.all(wanted.map((id) => stories.get(id))).then((refs) => {
      if (current) setFound(new Map(refs.flatMap((r) => (r ? [[r.id, r] as const] : []))));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return found;
}
