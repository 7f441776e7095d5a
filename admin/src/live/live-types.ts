import type { ArticleStatus } from "../lib/types.ts";

/** The API shapes of the live blog console (see /api/v1/openapi.json: LiveBlog, LiveEntry). */
export type EntryKind = "text" | "quote" | "image" | "embed";
export const ENTRY_KINDS: EntryKind[] = ["text", "quote", "image", "embed"];

export interface EmbedRef {
  provider: string;
  url: string;
  title: string | null;
}

export interface LiveEntry {
  id: number;
  kind: EntryKind;
  text: string;
  attribution: string | null;
  mediaId: number | null;
  caption: string | null;
  credit: string | null;
  embed: EmbedRef | null;
  pinned: boolean;
  correction: string | null;
  publishedAt: string;
  scheduled: boolean;
  updatedAt: string;
}

export interface LiveBlog {
  articleId: number;
  coverageStart: string;
  coverageEnd: string | null;
  open: boolean;
  entries: LiveEntry[];
}

export interface LiveBlogListItem {
  articleId: number;
  headline: string;
  status: ArticleStatus;
  coverageStart: string;
  coverageEnd: string | null;
  open: boolean;
  updatedAt: string;
}

/** The entry being written, as kept on the device until it is sent. */
export interface EntryDraft {
  kind: EntryKind;
  text: string;
  attribution: string;
  photo: { mediaId: number; alt: string; src: string } | null;
  caption: string;
  credit: string;
  embed: EmbedRef | null;
  pinned: boolean;
  /** `datetime-local` in the desk's zone, or "" for now. */
  publishAt: string;
}

export const EMPTY_DRAFT: EntryDraft = {
  kind: "text",
  text: "",
  attribution: "",
  photo: null,
  caption: "",
  credit: "",
  embed: null,
  pinned: false,
  publishAt: "",
};
