/**
 * Unicode-aware tokenizer. Every token keeps its original surface form and its offsets into the input
 * (UTF-16 code units, so `text.slice(start, end)` gives the surface back) for snippet highlighting.
 */

export type TokenKind = "word" | "number";

export interface Token {
  /** Exactly `text.slice(start, end)`. */
  readonly surface: string;
  /** The surface with in-word apostrophes removed ("Jum'at" → "Jumat"); not yet case folded. */
  readonly normalized: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

/**
 * A run of letters, digits and combining marks, optionally joined to more runs by a single hyphen,
 * apostrophe, period or comma ("anak-anak", "Jum'at", "3.000", "A.S", "kompas.tv"). The run is then
 * classified and, where the joiners are not part of one token, split again.
 */
const CHUNK = /[\p{L}\p{N}\p{M}]+(?:[-‐‑'’.,][\p{L}\p{N}\p{M}]+)*/gu;
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;
const ALPHA_PART = /^[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*$/u;
const DOT_ACRONYM = /^\p{L}(?:\.\p{L})+$/u;
const APOSTROPHE = /['’]/u;
const HYPHEN = /[-‐‑]/u;

/** Split `text` into word and number tokens, in order. Never throws, whatever the input. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(CHUNK)) {
    splitChunk(match[0], match.index, tokens);
  }
  return tokens;
}

function splitChunk(chunk: string, offset: number, out: Token[]): void {
  if (NUMBER.test(chunk)) {
    out.push({
      surface: chunk,
      normalized: chunk,
      kind: "number",
      start: offset,
      end: offset + chunk.length,
    });
    return;
  }
  if (DOT_ACRONYM.test(chunk)) {
    // "A.S" (the trailing period is sentence punctuation either way) → one token "AS".
    out.push(wordToken(chunk, offset, chunk.replace(/\./gu, "")));
    return;
  }
  // Periods and commas between letters are not part of a word ("kompas.tv", "ini,itu").
  let position = 0;
  for (const piece of chunk.split(/[.,]/u)) {
    if (piece.length > 0) splitHyphenated(piece, offset + position, out);
    position += piece.length + 1;
  }
}

/** Keep "anak-anak" or "sayur-mayur" whole; split "Covid-19" or "G-20" into their parts. */
function splitHyphenated(piece: string, offset: number, out: Token[]): void {
  const parts = piece.split(HYPHEN);
  if (parts.length > 1 && parts.every((part) => ALPHA_PART.test(part))) {
    out.push(wordToken(piece, offset, piece));
    return;
  }
  let position = 0;
  for (const part of parts) {
    if (part.length > 0) {
      const start = offset + position;
      if (NUMBER.test(part)) {
        out.push({ surface: part, normalized: part, kind: "number", start, end: start + part.length });
      } else {
        out.push(wordToken(part, start, part));
      }
    }
    position += part.length + 1;
  }
}

function wordToken(surface: string, start: number, normalizedSource: string): Token {
  return {
    surface,
    normalized: normalizeApostrophes(normalizedSource),
    kind: "word",
    start,
    end: start + surface.length,
  };
}

/** "Jum'at" → "Jumat"; an English possessive "Trump's" → "Trump". */
function normalizeApostrophes(word: string): string {
  if (!APOSTROPHE.test(word)) return word;
  return word.replace(/['’][sS]$/u, "").replace(/['’]/gu, "");
}
