import type { Block } from "../../content/body.schema.ts";

/** A section of the demo site; `parent` is the parent's slug, so sections nest. */
export interface DemoSection {
  slug: string;
  name: string;
  /** Slug of the parent section. */
  parent?: string;
  description: string;
}

export interface DemoPerson {
  slug: string;
  name: string;
  bio: string;
  /** Key of a demo image (see DEMO_IMAGES). */
  photo?: string;
}

/** A body block whose references (related article, inline image) use demo keys instead of ids. */
export type DemoBlock =
  | Exclude<Block, { type: "related" } | { type: "image" }>
  | { type: "related"; article: string /* DemoArticle.key */ }
  | { type: "image"; image: string /* demo image key */; caption?: string; credit?: string };

export type DemoTimeZone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";

export type DemoCreditRole = "penulis" | "editor" | "fotografer" | "kontributor";

export interface DemoArticle {
  key: string;
  headline: string;
  /** Section slug. */
  section: string;
  lede: string;
  dateline: { place: string; outlet: string | null; timeZone: DemoTimeZone };
  /** ISO 8601 with the offset of the dateline's zone, e.g. "2026-11-20T08:08:00+07:00". */
  publishedAt: string;
  updatedAt?: string;
  /** Defaults to "published". */
  status?: "published" | "draft" | "scheduled";
  credits: { role: DemoCreditRole; person: string /* person slug */ }[];
  sources: { name: string; url?: string }[];
  /** Tag names. */
  tags: string[];
  hero: { image: string; caption: string; credit: string; alt: string } | null;
  body: DemoBlock[];
}

/** What a generated illustration shows. Every scene is drawn from shapes only: no text, no fonts. */
export type DemoScene =
  "mountains" | "sea" | "city" | "rain" | "terraces" | "abstract" | "pitch" | "portrait";

export interface DemoImage {
  key: string;
  width: number;
  height: number;
  scene: DemoScene;
  /** Four hex colours: sky top, sky bottom (or background), accent, ground/foreground. */
  palette: readonly [string, string, string, string];
  /** Seeds the pseudo-random shape generator, so one spec always draws the same picture. */
  seed: number;
  /** Alternative text for the media library. */
  alt: string;
}
