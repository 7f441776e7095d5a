/**
 * What a single line of captured page text looks like, judged on the line alone. Every test here
 * is a bounded, linear scan of one line (lines over 20,000 characters are never prose candidates'
 * neighbours of concern: they are judged on their first 2,000 characters).
 */

/** Sentence-final punctuation, closing quotes and brackets after it allowed. */
const SENTENCE_END = /[.!?…:;]["'”’)\]]{0,3}$|["”’]$/u;

export const wordsOf = (line: string): number => {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length && i < 20_000; i++) {
    const space = line.charCodeAt(i) <= 32 || line[i] === "\u00a0";
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
};

/**
 * Raw markup that shows as text: ad tags, tracking pixels, pasted `<a href=…><img …>` — markup
 * carrying almost no words of its own. Not `a < b` in prose, and not pasted markup around a
 * sentence (`<div>Kalimat …</div>`): that is kept, as text.
 */
export function isMarkupLine(line: string): boolean {
  if (!/^<\/?[a-z][a-z0-9]{0,10}(?:\s[^<>]{0,2000})?\/?>/iu.test(line) || SENTENCE_END.test(line))
    return false;
  const outsideTags = line.slice(0, 4000).replace(/<[^<>]{0,2000}>/gu, " ");
  return wordsOf(outsideTags) < 6;
}

/** A photo caption with its credit: `(Foto: …)`, `(REUTERS/…)`, `[suara.com/…]`, `©…`, `Jakarta(Dok.X)`. */
export function isCaptionLine(line: string): boolean {
  const text = line.slice(-300);
  // `(dna/dna)`, `(Dio/Ysl)`: desk initials after a sentence, not a photo credit.
  if (/\((?:[\p{L}]{1,4}\/){1,3}[\p{L}]{1,4}\)\s*$/u.test(text)) return false;
  return (
    /\((?:sumber|foto|dok\.?|dokumentasi|kredit|ilustrasi)\s*:[^()]{1,120}\)\s*$/iu.test(text) ||
    /\([^()]{0,60}\/[^()]{1,80}\)\s*$/u.test(text) ||
    /\[[^[\]]{0,60}\/[^[\]]{1,80}\]\s*$/u.test(text) ||
    /\S\((?:dok\.?|foto|ant|antara|mi\/|[\p{Lu}][\p{L}.]{1,20}(?: [\p{Lu}][\p{L}.]{1,20}){0,4})\s?[^()]{0,60}\)\s*$/u.test(
      text,
    ) ||
    /©\s?\S/u.test(text)
  );
}

/**
 * Prose: a line a person wrote as a sentence or paragraph (not a menu item, a headline or a
 * label): long enough and ending like a sentence, or simply long.
 */
export function isProseLine(line: string): boolean {
  if (line.length < 40 || isMarkupLine(line)) return false;
  const words = wordsOf(line);
  if (words >= 25) return true;
  // A sign-off after the last sentence (`… tsunami.(dna/dna)`, `… ditutup. [ian]`) is not its end.
  const sentence = line.replace(/\s{0,3}[([][^()[\]]{1,30}[)\]]$/u, "");
  return words >= 7 && SENTENCE_END.test(sentence) && !isTitleCase(line);
}

/** Most words capitalised, as in headlines and menus (`Harga Cabai Turun di Makassar`). */
export function isTitleCase(line: string): boolean {
  const words = line
    .slice(0, 400)
    .split(/\s+/u)
    .filter((word) => /^\p{L}/u.test(word));
  if (words.length < 3) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= 0.7;
}

/** Counters and widgets: `0`, `759 SHARES`, `Comment (0)`, `Like (0)`, `13  746  0  0`, `A- A+`. */
export function isCounterLine(line: string): boolean {
  return (
    /^[\d\s.,+kKrb]{1,40}$/u.test(line) ||
    /^[+\d.,]{0,10}\s*(shares?|komentar|comments?|likes?|views?|dibaca|tweet|suka)\s*(?:\(\d{1,9}\))?$/iu.test(
      line,
    ) ||
    /^(comment|komentar|like|share|tweet|suka)\s*\(\d{1,9}\)$/iu.test(line) ||
    /^a-\s*a\+$/iu.test(line) ||
    /^\+?\s*(share|tweet|perbesar|lihat foto|copy link)$/iu.test(line)
  );
}

/** `2 dari 3 halaman`, `Halaman:`, `Halaman selanjutnya`, `Baca Selanjutnya: …`, `Lanjutkan Membaca ↓`. */
export function isPagingLine(line: string): boolean {
  // A sentence that opens with "Sebelumnya," or "Selanjutnya" is not a paging link.
  if (line.length > 80 || /^\p{L}+,/u.test(line)) return false;
  return (
    /^\d{1,3}\s+dari\s+\d{1,3}\s+halaman$/iu.test(line) ||
    /^(halaman|page)\s*:?\s*(\d{1,3}\s*){0,20}$/iu.test(line) ||
    /^(halaman|page)\s+(selanjutnya|berikutnya|sebelumnya)/iu.test(line) ||
    /^(baca selanjutnya|lanjutkan membaca|selanjutnya|sebelumnya|next|prev)\b/iu.test(line) ||
    /^scroll\s+(down\s+)?(untuk|to)\s+(melanjutkan|lanjut|continue)/iu.test(line)
  );
}

/** Sign-off initials or a contributor on a line of their own: `(bgs/rul)`, `[ian]`, `(H-4)`, `(Luh Wayanti)`. */
export function isSignOffLine(line: string): boolean {
  return /^[([][\p{L}\d][\p{L}\d .\-/]{0,30}[)\]]$/u.test(line) && !/\d{4}/u.test(line);
}
