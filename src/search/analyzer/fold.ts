/**
 * Case and accent folding for search: "Éropa" and "eropa" must meet in the index.
 *
 * NFKD splits precomposed letters into base + combining marks and unfolds compatibility forms
 * (ligatures, full-width letters, superscripts); the marks are then dropped and the result lower-cased.
 */

/** Letters that carry no decomposition but still have an obvious ASCII base. */
const EXTRA_FOLDS: ReadonlyMap<string, string> = new Map([
  ["ß", "ss"],
  ["æ", "ae"],
  ["œ", "oe"],
  ["ø", "o"],
  ["đ", "d"],
  ["ð", "d"],
  ["ł", "l"],
  ["ı", "i"],
  ["þ", "th"],
]);

const COMBINING_MARKS = /\p{M}+/gu;
const NEEDS_EXTRA_FOLD = /[ßæœøđðłıþ]/u;

/** Fold case and accents: `fold("Café CRÈME")` → `"cafe creme"`. Pure ASCII input takes a fast path. */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let folded = text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase();
  if (NEEDS_EXTRA_FOLD.test(folded)) {
    folded = Array.from(folded, (ch) => EXTRA_FOLDS.get(ch) ?? ch).join("");
  }
  return folded.normalize("NFC");
}
