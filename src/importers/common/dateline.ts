import type { ExtractedDateline } from "../extracted-article.ts";

/** Outlet names that may appear on either side of the comma (`TEMPO.CO, Jakarta -`). */
const OUTLET =
  /(\.(com|co|tv|id|net|org|co\.id)$)|^(antara|cnn indonesia|tempo|detik\w*|liputan6|viva|tribun\w*|republika|kumparan|okezone|suara|bisnis|kontan|jpnn|beritasatu|metro ?tv|tvri|rri|kompas\w*)$/i;

/** A place: one to four capitalised words (`KAZAN`, `Jakarta`, `Tanjung Pinang`, `Kota Baru`). */
const PLACE = /^[\p{Lu}][\p{L}.']*(?:[ -][\p{Lu}][\p{L}.']*){0,3}$/u;

/** `A, B -` / `A (B) -` / `A -`, with `-`, `--`, en dash or em dash. */
const LEAD_IN =
  /^\s*([^,()\-–—\n]{2,40}?)(?:\s*,\s*([^,()\-–—\n]{2,40}?)|\s*\(([^()\n]{2,40})\))?(?:\s*(?:--|–|—)\s*|\s+-\s+)(?=\S)/u;

export interface DatelineMatch {
  dateline: ExtractedDateline;
  /** Characters to strip from the paragraph's start (lead-in plus the dash and spaces). */
  length: number;
}

export function isOutletName(text: string): boolean {
  return OUTLET.test(text.trim());
}

/**
 * Recognises the lead-in of a first paragraph: `KAZAN, KOMPAS.TV - `, `JAKARTA, KOMPAS.com – `,
 * `Jakarta - `, `Jakarta, CNN Indonesia -- `, `TEMPO.CO, Jakarta - ` (outlet first), and
 * `Jakarta (ANTARA) - `. Returns null when the paragraph does not open with one.
 */
export function matchDateline(text: string): DatelineMatch | null {
  const match = LEAD_IN.exec(text.slice(0, 200));
  if (!match) return matchUndashed(text);
  const first = (match[1] ?? "").trim();
  const second = (match[2] ?? match[3] ?? "").trim();
  const length = match[0].length;
  if (second === "") {
    // `Merdeka.com - `: the outlet alone is kept as the lead-in's text, so the page still prints it.
    if (isOutletName(first) && /\.(com|co\.id|id|tv)$/iu.test(first))
      return { dateline: { place: first, outlet: null }, length };
    if (!PLACE.test(first) || isOutletName(first)) return null;
    return { dateline: { place: first, outlet: null }, length };
  }
  if (isOutletName(first) && !isOutletName(second) && PLACE.test(second)) {
    return { dateline: { place: second, outlet: first }, length };
  }
  if (!PLACE.test(first) || second.split(/\s+/).length > 4) return null;
  return { dateline: { place: first, outlet: second }, length };
}

/** `Liputan6.com, Jakarta Sebagai …`: an outlet-first lead-in printed without its dash (one-word place). */
const UNDASHED =
  /^\s*([\p{L}\d-]{2,30}\.(?:com|co\.id|id|tv)),\s{1,3}([\p{Lu}][\p{L}]{1,30})\s{1,3}(?=[\p{Lu}"“])/u;

function matchUndashed(text: string): DatelineMatch | null {
  const match = UNDASHED.exec(text.slice(0, 100));
  if (!match) return null;
  return { dateline: { place: match[2] ?? "", outlet: match[1] ?? "" }, length: match[0].length };
}
