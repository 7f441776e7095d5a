/**
 * Reduplicated words: "anak-anak" → "anak", "berlari-lari" → "lari", "meniru-nirukan" → "tiru",
 * "kuasa-Mu" → "kuasa". Partial or rhyming reduplication ("sayur-mayur", "besar-kecilnya") keeps both
 * halves, each stemmed: "sayur-mayur", "besar-kecil".
 */

/** Clitics that may be written after a hyphen: "kuasa-Mu", "malaikat-malaikat-Nya", "Allah-lah". */
const HYPHENATED_CLITICS: ReadonlySet<string> = new Set(["ku", "mu", "nya", "lah", "kah", "tah", "pun"]);

export interface ReduplicationContext {
  readonly isRoot: (word: string) => boolean;
  /** Stem a word without hyphens. */
  readonly stemSingle: (word: string) => string;
}

export function stemHyphenated(word: string, context: ReduplicationContext): string {
  const parts = word.split("-").filter((part) => part.length > 0);
  const last = parts.at(-1);
  if (parts.length > 1 && last !== undefined && HYPHENATED_CLITICS.has(last)) parts.pop();
  if (parts.length === 1) {
    const only = parts[0] ?? word;
    return context.isRoot(only) ? only : context.stemSingle(only);
  }
  if (parts.length !== 2) return parts.join("-");
  const [first = "", second = ""] = parts;
  const whole = `${first}-${second}`;
  if (context.isRoot(whole)) return whole;

  const firstStem = context.stemSingle(first);
  let secondStem = context.stemSingle(second);
  // The second half may repeat the first without its nasal prefix: meniru-nirukan, menyebut-nyebut.
  if (secondStem === second && !context.isRoot(second)) {
    const withPrefix = context.stemSingle(`me${second}`);
    if (withPrefix !== `me${second}`) secondStem = withPrefix;
  }
  if (firstStem === secondStem) return firstStem;
  return `${firstStem}-${secondStem}`;
}
