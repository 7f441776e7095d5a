import type { TopicRef } from "../../core/topic.ts";
import type { LiveBlogState } from "../../core/live-blog.ts";
import type { Article, CreditRole } from "../../core/article.ts";
import type { Person } from "../../core/person.ts";
import type { Section, SectionPath } from "../../core/section.ts";
import type { Tag } from "../../core/tag.ts";
import type { IndonesianTimeZone } from "../../core/time-zones.ts";
import type { MediaView, RelatedTarget } from "../../content/body-html.renderer.ts";
import type { StoryLabel } from "../../core/story-label.ts";
import type { FactCheck } from "../../core/fact-check.ts";

/** A live blog on its story's page: the entries readers see, and the photos of its image entries. */
export type LiveBlogPageModel = LiveBlogState & { media: ReadonlyMap<number, MediaView> };

/** An article as a list shows it: enough for a headline link, a time and a thumbnail. */
export interface ArticleListItem {
  id: number;
  headline: string;
  lede: string;
  url: string;
  publishedAt: Date;
  updatedAt: Date | null;
  timeZone: IndonesianTimeZone;
  section: Section;
  image: MediaView | null;
  /** A fact-check's verdict or a live blog's label (core/story-label.ts). */
  label?: StoryLabel | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export interface HomeModel {
  lead: ArticleListItem | null;
  latest: ArticleListItem[];
  sectionBlocks: { section: Section; url: string; items: ArticleListItem[] }[];
}

export interface SectionPageModel {
  path: SectionPath;
  url: string;
  children: { section: Section; url: string }[];
  articles: Page<ArticleListItem>;
}

export interface CreditGroup {
  role: CreditRole;
  people: { person: Person; url: string }[];
}

export interface ArticlePageModel {
  article: Article;
  path: SectionPath;
  url: string;
  credits: CreditGroup[];
  tags: { tag: Tag; url: string }[];
  hero: { image: MediaView; caption: string; credit: string } | null;
  /** A hero photo that was not stored (an import's remote or missing image): caption and credit only. */
  heroText?: { caption: string; credit: string } | null;
  related: Map<number, RelatedTarget>;
  media: Map<number, MediaView>;
  /** The TERBARU_SIZE + 1 newest live stories, this one possibly among them (cache/purge-keys.ts `terbaruBlock`). */
  newest: ArticleListItem[];
  /** "Berita Terkait": live stories like this one, from the search index (filled by the site renderer). */
  moreLikeThis?: ArticleListItem[];
  wordCount: number;
  readingMinutes: number;
  /** Public corrections, oldest first ("Koreksi" factual, "Ralat" errata); JSON-LD reads them too. */
  corrections?: { kind: "koreksi" | "ralat"; note: string; at: Date }[];
  /** The claim and verdict when the story is a Cek Fakta (set by the site renderer). */
  factCheck?: FactCheck | null;
  /** The Topik Pilihan the story belongs to, shown as labels (set by the site renderer). */
  topics?: TopicRef[];
  /** The live blog's coverage and entries when the story is one (set by the site renderer). */
  liveBlog?: LiveBlogPageModel | null;
}

export interface TagPageModel {
  tag: Tag;
  url: string;
  articles: Page<ArticleListItem>;
}

export interface PersonPageModel {
  person: Person;
  url: string;
  photo: MediaView | null;
  articles: Page<ArticleListItem & { roles: CreditRole[] }>;
}
