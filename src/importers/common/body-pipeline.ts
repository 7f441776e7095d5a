import type { BlockOf } from "../../content/body.schema.ts";
import type { Source } from "../../core/article.ts";
import type { ExtractedBlock, ExtractedCredit, ExtractedDateline } from "../extracted-article.ts";
import { isPrompt, isTrailer, matchRelated } from "./chrome.ts";
import { chromeReason, DROP_REASONS, type DropList } from "./dropped.ts";
import { matchTrailingInitials, parseCreditLine, parseSourceLine, parseTagLine } from "./credits.ts";
import { matchDateline } from "./dateline.ts";
import { isCaptionLine } from "../page-text/page-text.lines.ts";
import { blockText, inlineText, stripInlinePrefix, truncateInline } from "./inline.ts";

/** What the shared body pass pulls out of raw body blocks. */
export interface FinishedBody {
  blocks: ExtractedBlock[];
  paragraphs: string[];
  dateline: ExtractedDateline | null;
  credits: ExtractedCredit[];
  sources: Source[];
  related: string[];
  tags: string[];
}

type TextBlock = BlockOf<"paragraph"> | BlockOf<"blockquote">;

const isTextBlock = (block: ExtractedBlock): block is TextBlock =>
  block.type === "paragraph" || block.type === "blockquote";

/**
 * The one body pass shared by page text, HTML and feeds, so every format maps fields alike:
 * 1. a trailer line (`TERBARU`, `Berita Terkait`, ...) ends the body; prompts are dropped (both
 *    reported to `drops` when given);
 * 2. `Baca Juga:` lines become `related` blocks (with `pendingHeadline`) where they stood;
 * 3. credit lines, `Sumber :` lines and `Tag:` lines become credits, sources and tags;
 * 4. the first paragraph's dateline lead-in becomes `dateline` and is removed from the text;
 * 5. trailing initials `(rfs/jbr)` on the last paragraph become credits (only for roles that
 *    have no named credit, in the body or in `headerCredits` such as a byline) and are removed;
 * 6. paragraphs opening with “ or " become blockquotes.
 */
export function finishBody(
  input: readonly ExtractedBlock[],
  options: { headerCredits?: readonly ExtractedCredit[]; drops?: DropList } = {},
): FinishedBody {
  const out: FinishedBody = {
    blocks: [],
    paragraphs: [],
    dateline: null,
    credits: [],
    sources: [],
    related: [],
    tags: [],
  };
  for (const [index, block] of input.entries()) {
    const text = blockText(block).trim();
    // Photos carry no body text: their caption is never a trailer, prompt or credit line.
    if (block.type !== "related" && block.type !== "list" && block.type !== "image") {
      if (isTrailer(text)) {
        for (const rest of input.slice(index)) options.drops?.add(blockText(rest), DROP_REASONS.related);
        break;
      }
      if (isPrompt(text)) {
        options.drops?.add(text, chromeReason(text) ?? DROP_REASONS.prompt);
        continue;
      }
      const chrome = chromeReason(text);
      if (chrome === DROP_REASONS.paging || chrome === DROP_REASONS.counter || chrome === DROP_REASONS.ad) {
        options.drops?.add(text, chrome);
        continue;
      }
      const related = matchRelated(text);
      if (related !== null) {
        out.related.push(related);
        out.blocks.push({ type: "related", pendingHeadline: related.slice(0, 500) });
        continue;
      }
      const credits = parseCreditLine(text);
      if (credits !== null) {
        out.credits.push(...credits);
        continue;
      }
      const sources = parseSourceLine(text);
      if (sources !== null) {
        out.sources.push(...sources);
        continue;
      }
      const tags = parseTagLine(text);
      if (tags !== null) {
        out.tags.push(...tags);
        continue;
      }
    }
    if (block.type === "related" && block.pendingHeadline !== undefined)
      out.related.push(block.pendingHeadline);
    out.blocks.push(block);
  }
  trimTrailingChrome(out, options.drops);
  takeDateline(out);
  takeTrailingInitials(out, options.headerCredits ?? [], options.drops);
  out.blocks = out.blocks.map(quoteParagraph);
  out.paragraphs = out.blocks.filter(isTextBlock).map((block) => inlineText(block.content));
  return out;
}

const SENTENCE_END = /[.!?…"”’)]\s*$/u;

/**
 * What follows the last sentence of a story on article pages is its chrome: infographic and
 * photo captions, labels (`Infografis COVID-19:`), headline lists. From the end, paragraphs and
 * headings that do not end like a sentence, and captions, are dropped until the first paragraph
 * that does (lists and quotes stay: a story may end with one).
 */
function trimTrailingChrome(out: FinishedBody, drops: DropList | undefined): void {
  while (out.blocks.length > 0) {
    const last = out.blocks.at(-1) as ExtractedBlock;
    if (last.type !== "paragraph" && last.type !== "heading") break;
    const text = blockText(last).trim();
    const caption = isCaptionLine(text);
    if (!caption && SENTENCE_END.test(text)) break;
    drops?.add(text, caption ? DROP_REASONS.caption : DROP_REASONS.outside);
    out.blocks.pop();
  }
}

/** News agencies whose name in a dateline makes the story wire copy. */
const WIRE_AGENCY =
  /^(antara|antaranews|reuters|afp|ap|xinhua|bernama|kyodo|yonhap|anadolu|dpa|efe|ansa|upi)$/iu;

function takeDateline(out: FinishedBody): void {
  const index = out.blocks.findIndex(isTextBlock);
  const first = out.blocks[index];
  if (first === undefined || first.type !== "paragraph") return;
  const match = matchDateline(inlineText(first.content));
  if (match === null) return;
  out.dateline = match.dateline;
  // Wire copy (`Jakarta (ANTARA) -`, `JAKARTA, Reuters -`): the agency is the story's source.
  const agency = match.dateline.outlet;
  if (agency !== null && WIRE_AGENCY.test(agency) && !out.sources.some((source) => source.name === agency))
    out.sources.push({ name: agency });
  const content = stripInlinePrefix(first.content, match.length);
  if (content.length === 0) out.blocks.splice(index, 1);
  else out.blocks[index] = { ...first, content };
}

function takeTrailingInitials(
  out: FinishedBody,
  headerCredits: readonly ExtractedCredit[],
  drops: DropList | undefined,
): void {
  let index = -1;
  out.blocks.forEach((block, i) => {
    if (isTextBlock(block)) index = i;
  });
  const last = out.blocks[index];
  if (last === undefined || !isTextBlock(last)) return;
  const match = matchTrailingInitials(inlineText(last.content));
  if (match === null) return;
  const namedRoles = new Set([...headerCredits, ...out.credits].map((credit) => credit.role));
  let credited = match.credits.length > 0;
  for (const credit of match.credits) {
    const duplicate = out.credits.some((c) => c.role === credit.role && c.name === credit.name);
    if (!namedRoles.has(credit.role) && !duplicate) out.credits.push(credit);
    else credited = false;
  }
  // A sign-off that gave no credit (the roles are named elsewhere, or a desk code) is reported.
  if (!credited) drops?.add(inlineText(last.content).slice(match.keep), DROP_REASONS.signOff);
  const content = truncateInline(last.content, match.keep);
  if (content.length === 0) out.blocks.splice(index, 1);
  else out.blocks[index] = { ...last, content };
}

function quoteParagraph(block: ExtractedBlock): ExtractedBlock {
  if (block.type !== "paragraph") return block;
  const text = inlineText(block.content).trimStart();
  return text.startsWith("“") || text.startsWith('"')
    ? { type: "blockquote", content: block.content }
    : block;
}
