import { readFileSync } from "node:fs";

/** The vendored Sastrawi root-word list (MIT, see data/kata-dasar.LICENSE). */
export const DEFAULT_ROOT_WORDS_URL = new URL("./data/kata-dasar.txt", import.meta.url);

/** Parse a root-word list: one word per line; blank lines, `#` comments and trailing notes are ignored. */
export function parseRootWords(text: string): ReadonlySet<string> {
  const words = new Set<string>();
  for (const line of text.split("\n")) {
    const word = line.trim().split(/\s/u)[0]?.toLowerCase();
    if (word !== undefined && word.length > 0 && !word.startsWith("#")) words.add(word);
  }
  return words;
}

/** Read the root-word dictionary (synchronously; call once at startup and share the set). */
export function loadRootWords(source: URL | string = DEFAULT_ROOT_WORDS_URL): ReadonlySet<string> {
  return parseRootWords(readFileSync(source, "utf8"));
}
