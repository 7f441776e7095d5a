import sharp from "sharp";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { Article } from "../core/article.ts";
import type { Media } from "../core/media.ts";
import type { Person } from "../core/person.ts";
import type { Section } from "../core/section.ts";
import { paragraph, type BodyDocument } from "../content/body.schema.ts";
import type { Deps } from "../app/deps.ts";
import type { ArticleInput } from "../services/article-input.ts";

let counter = 0;
const unique = (prefix: string): string => `${prefix}-${++counter}`;

export async function buildSection(
  deps: Deps,
  overrides: Partial<Omit<Section, "id">> = {},
): Promise<Section> {
  const name = overrides.name ?? unique("Rubrik");
  return deps.sections.create({ name, parentId: null, ...overrides }, SYSTEM_ACTOR);
}

export async function buildPerson(deps: Deps, overrides: Partial<Omit<Person, "id">> = {}): Promise<Person> {
  return deps.people.create({ name: overrides.name ?? unique("Orang"), ...overrides }, SYSTEM_ACTOR);
}

export async function buildImage(
  deps: Deps,
  overrides: {
    fileName?: string;
    alt?: string;
    caption?: string;
    credit?: string;
    width?: number;
    height?: number;
  } = {},
): Promise<Media> {
  const width = overrides.width ?? 64;
  const height = overrides.height ?? 36;
  const bytes = await sharp({
    create: { width, height, channels: 3, background: { r: (counter * 37) % 255, g: 90, b: 140 } },
  })
    .jpeg()
    .toBuffer();
  return deps.media.storeImage(
    // Alt text by default: a story cannot be published with an image lacking it.
    { bytes, fileName: overrides.fileName ?? `${unique("gambar")}.jpg`, alt: "Foto uji", ...overrides },
    SYSTEM_ACTOR,
  );
}

export function bodyOf(...paragraphs: string[]): BodyDocument {
  return { version: 1, blocks: paragraphs.map(paragraph) };
}

export interface ArticleOverrides extends Partial<ArticleInput> {
  /** "published" (default), "draft", "scheduled" or "unpublished". */
  status?: "published" | "draft" | "scheduled" | "unpublished";
  publishedAt?: Date;
  updatedAt?: Date;
}

/** An article in the state asked for, created through the services (so events fire). */
export async function buildArticle(deps: Deps, overrides: ArticleOverrides = {}): Promise<Article> {
  const { status = "published", publishedAt, updatedAt, ...input } = overrides;
  const sectionId = input.sectionId ?? (await buildSection(deps)).id;
  const created = await deps.articles.create(
    {
      headline: unique("Berita uji"),
      body: bodyOf("Paragraf pertama berita uji.", "Paragraf kedua."),
      ...input,
      sectionId,
    },
    SYSTEM_ACTOR,
  );
  if (status === "draft") return created;
  const now = deps.clock();
  if (status === "scheduled")
    return deps.articles.transition(created.id, "schedule", SYSTEM_ACTOR, {
      at: publishedAt ?? new Date(now.getTime() + 86_400_000),
    });
  const published = await deps.articles.transition(created.id, "publish", SYSTEM_ACTOR, {
    at: publishedAt ?? new Date(now.getTime() - 60_000),
    updatedAt,
  });
  return status === "unpublished"
    ? deps.articles.transition(published.id, "unpublish", SYSTEM_ACTOR)
    : published;
}
