import { api } from "../lib/api.ts";
import type { Article, ArticleFields, Media } from "../lib/types.ts";
import { bodyImageIds, relatedIds } from "./article-fields.ts";
import type { ImagePreview } from "./body-mapping.ts";

/** What the editor shows beside the body but does not save: Baca Juga headlines, photos. */
export interface BodyLookups {
  headlines: ReadonlyMap<number, string>;
  images: ReadonlyMap<number, ImagePreview>;
}

/**
 * The headlines of the Baca Juga targets and the pictures of the photos in these versions of a
 * story (one that cannot be read, e.g. deleted, is simply not shown).
 */
export async function loadLookups(versions: readonly ArticleFields[]): Promise<BodyLookups> {
  const unique = (ids: number[]) => [...new Set(ids)];
  const [headlines, images] = await Promise.all([
    Promise.all(
      unique(versions.flatMap(relatedIds)).map((id) =>
        api.get<Article>(`/articles/${id}`).then(
          (a) => [id, a.headline] as const,
          () => null,
        ),
      ),
    ),
    Promise.all(
      unique(versions.flatMap(bodyImageIds)).map((id) =>
        api.get<Media>(`/media/${id}`).then(
          (m) => [id, { src: m.url, alt: m.alt }] as const,
          () => null,
        ),
      ),
    ),
  ]);
  return {
    headlines: new Map(headlines.filter((x) => x !== null)),
    images: new Map(images.filter((x) => x !== null)),
  };
}
