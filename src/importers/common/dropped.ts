import { isPrompt, isTrailer } from "./chrome.ts";
import type { DroppedLine } from "../extracted-article.ts";
import {
  isCaptionLine,
  isCounterLine,
  isMarkupLine,
  isPagingLine,
  isSignOffLine,
} from "../page-text/page-text.lines.ts";

/** Why a line was left out of the story (Indonesian, as `analyze-page` prints it). */
export const DROP_REASONS = {
  navigation: "navigasi",
  related: "daftar berita terkait",
  ad: "iklan",
  prompt: "ajakan berbagi atau mengikuti",
  counter: "penghitung komentar atau bagikan",
  caption: "keterangan foto",
  paging: "penanda halaman",
  footer: "kaki halaman",
  otherDate: "tanggal lain",
  signOff: "paraf penulis",
  outside: "di luar artikel",
  heading: "judul berulang",
  limit: "melebihi batas ukuran",
} as const;

export type DropReason = (typeof DROP_REASONS)[keyof typeof DROP_REASONS];

/** The reason a line of page chrome is what it is, judged on the line alone; null when unknown. */
export function chromeReason(line: string): DropReason | null {
  if (isMarkupLine(line) || /^(advertisement|iklan|adv|ads|sponsored|konten sponsor)$/iu.test(line))
    return DROP_REASONS.ad;
  if (isCounterLine(line)) return DROP_REASONS.counter;
  if (isPagingLine(line)) return DROP_REASONS.paging;
  if (isPrompt(line)) return DROP_REASONS.prompt;
  if (isTrailer(line)) return DROP_REASONS.related;
  if (/^(copyright|hak cipta|©)/iu.test(line) && line.length <= 200) return DROP_REASONS.footer;
  if (isSignOffLine(line)) return DROP_REASONS.signOff;
  if (isCaptionLine(line)) return DROP_REASONS.caption;
  return null;
}

/** Collects dropped lines; blank lines are never reported. */
export class DropList {
  readonly lines: DroppedLine[] = [];
  add(line: string, reason: string): void {
    const text = line.trim();
    if (text !== "") this.lines.push({ line: text.length > 2000 ? `${text.slice(0, 1999)}…` : text, reason });
  }
  /** Takes back lines that a later pass used after all (e.g. a credit box read across lines). */
  release(lines: ReadonlySet<string>): void {
    const kept = this.lines.filter((dropped) => !lines.has(dropped.line));
    this.lines.splice(0, this.lines.length, ...kept);
  }
}
