/**
 * Indonesian stemmer of the Nazief–Adriani / Enhanced Confix Stripping (ECS) family, as used by the
 * Sastrawi projects, written for Warta. A root-word dictionary decides every step: the word is
 * reduced only when a dictionary root is reached, otherwise it is returned unchanged (proper nouns,
 * abbreviations and loan words survive).
 *
 * Order of work for a word that is not itself a root:
 * 1. precedence adjustment: words shaped be-…-lah, be-…-an (not -kan), me-…-i, di-…-i, pe-…-i, ter-…-i try
 *    prefixes before suffixes;
 * 2. strip the particle (-lah, -kah, -tah, -pun), the possessive (-ku, -mu, -nya) and the derivational
 *    suffix (-i, -kan, -an), checking the dictionary after each;
 * 3. strip up to three prefixes with recoding, never the same prefix twice, and never a first prefix
 *    that forms a disallowed confix with the derivational suffix (be-…-i, di-…-an, me-…-an, …);
 * 4. loop restore: put the suffixes back one by one (and "-kan" as "k" + "-an") and retry the prefixes;
 * 5. reduplication: "anak-anak" → "anak", "berlari-lari" → "lari" when both halves share a stem.
 */
import {
  DERIVATIONAL_SUFFIXES,
  isDisallowedConfix,
  PARTICLES,
  POSSESSIVES,
  prefixRemovals,
} from "./affixes.ts";
import type { DerivationalSuffix, PrefixKind } from "./affixes.ts";
import { stemHyphenated } from "./reduplication.ts";

export interface StemmerOptions {
  readonly rootWords: ReadonlySet<string>;
  /** Most stems remembered; the oldest entry is dropped beyond this. Default 50 000. */
  readonly cacheSize?: number;
}

export interface Stemmer {
  /** Stem one folded (lower-case, accent-free) word. */
  stem(word: string): string;
  /** Whether a folded word is a root word of the dictionary (a correctly spelt Indonesian word). */
  isRoot(word: string): boolean;
}

/** Shortest word the stemmer tries to reduce. */
const MIN_STEMMABLE_LENGTH = 4;
const MAX_PREFIXES = 3;
const PRECEDENCE_PATTERNS: readonly RegExp[] = [
  /^be.+lah$/u,
  /^be.+[^k]an$/u, // not be-…-kan: beri-kan, not ber-ikan
  /^me.+i$/u,
  /^di.+i$/u,
  /^pe.+i$/u,
  /^ter.+i$/u,
];
const PRECEDENCE_PATTERNS_I = PRECEDENCE_PATTERNS.filter((pattern) => pattern.source.endsWith("i$"));
/** Derivational prefixes whose root may end in what looks like a particle (-lah, -kah, -tah). */
const PARTICLE_RIVALS: ReadonlySet<PrefixKind> = new Set(["me", "pe", "be", "te"]);
/** Prefixes that start a word only (a proclitic or di- cannot follow another prefix). */
const INITIAL_ONLY: ReadonlySet<PrefixKind> = new Set(["di", "ku", "kau"]);

interface SuffixState {
  readonly word: string;
  readonly derivational: DerivationalSuffix | null;
}

export function createStemmer(options: StemmerOptions): Stemmer {
  const { rootWords } = options;
  const cacheSize = options.cacheSize ?? 50_000;
  const cache = new Map<string, string>();

  const isRoot = (word: string): boolean => rootWords.has(word);

  function stripPrefixes(
    word: string,
    suffix: DerivationalSuffix | null,
    strict: boolean,
    used: readonly PrefixKind[] = [],
  ): string | null {
    if (used.length >= MAX_PREFIXES) return null;
    const removals = prefixRemovals(word).filter(
      ({ kind }) =>
        !used.includes(kind) &&
        !(used.length > 0 && INITIAL_ONLY.has(kind)) &&
        !(strict && used.length === 0 && isDisallowedConfix(kind, suffix)),
    );
    for (const { rest } of removals) if (isRoot(rest)) return rest;
    for (const { kind, rest } of removals) {
      const root = stripPrefixes(rest, suffix, strict, [...used, kind]);
      if (root !== null) return root;
    }
    return null;
  }

  /** Successive suffix removals: particle, then possessive, then derivational suffix. */
  function suffixStates(word: string): SuffixState[] {
    const states: SuffixState[] = [{ word, derivational: null }];
    let current = word;
    const particle = PARTICLES.find((s) => current.endsWith(s) && current.length - s.length >= 3);
    if (particle !== undefined) {
      current = current.slice(0, -particle.length);
      states.push({ word: current, derivational: null });
    }
    const possessive = POSSESSIVES.find((s) => current.endsWith(s) && current.length - s.length >= 3);
    if (possessive !== undefined) {
      current = current.slice(0, -possessive.length);
      states.push({ word: current, derivational: null });
    }
    const derivational = DERIVATIONAL_SUFFIXES.find(
      (s) => current.endsWith(s) && current.length - s.length >= 2,
    );
    if (derivational !== undefined) {
      states.push({ word: current.slice(0, -derivational.length), derivational });
    }
    return states;
  }

  function stemAffixed(word: string): string | null {
    const states = suffixStates(word);
    // Precedence adjustment on the word itself, and for the -i shapes also once the particle and
    // possessive are gone, so that "dimulainya" stems like "dimulai" (mulai, not mula).
    for (const [index, state] of states.entries()) {
      const patterns = index === 0 ? PRECEDENCE_PATTERNS : PRECEDENCE_PATTERNS_I;
      if (state.derivational === null && patterns.some((pattern) => pattern.test(state.word))) {
        const root = stripPrefixesThenSuffixes(state.word);
        if (root !== null) return root;
      }
    }
    for (const [index, state] of states.entries()) {
      if (!isRoot(state.word)) continue;
      // A particle that is really the end of a root after a derivational prefix: me-nikah, not meni-kah.
      if (index === 1 && PARTICLES.includes(word.slice(state.word.length))) {
        const prefixed = prefixRemovals(word).find(
          ({ kind, rest }) => PARTICLE_RIVALS.has(kind) && isRoot(rest),
        );
        if (prefixed !== undefined) return prefixed.rest;
      }
      return state.word;
    }
    // First honour the confix constraints; if no root is reached that way, try again without them.
    for (const strict of [true, false]) {
      const last = states.at(-1);
      if (last === undefined) return null;
      const root = stripPrefixes(last.word, last.derivational, strict) ?? loopRestore(states, strict);
      if (root !== null) return root;
    }
    return null;
  }

  /** ECS precedence adjustment: prefixes first, then suffixes of what is left. */
  function stripPrefixesThenSuffixes(word: string, used: readonly PrefixKind[] = []): string | null {
    if (used.length >= MAX_PREFIXES) return null;
    const removals = prefixRemovals(word).filter(
      ({ kind }) => !used.includes(kind) && !(used.length > 0 && INITIAL_ONLY.has(kind)),
    );
    for (const { rest } of removals) if (isRoot(rest)) return rest;
    for (const { rest } of removals) {
      for (const state of suffixStates(rest)) if (isRoot(state.word)) return state.word;
    }
    for (const { kind, rest } of removals) {
      const root = stripPrefixesThenSuffixes(rest, [...used, kind]);
      if (root !== null) return root;
    }
    return null;
  }

  /** Put removed suffixes back, innermost first, retrying the prefixes each time. */
  function loopRestore(states: readonly SuffixState[], strict: boolean): string | null {
    for (let i = states.length - 1; i >= 0; i--) {
      const state = states[i];
      if (state === undefined) continue;
      if (state.derivational === "kan") {
        // "-kan" may really be "k" + "-an": ke-duduk-an → kedudukan, pe-tarik-an → penarikan.
        const withK = state.word + "k";
        const root = stripPrefixes(withK, "an", strict) ?? (isRoot(withK) ? withK : null);
        if (root !== null) return root;
      }
      if (i === states.length - 1) continue; // already tried with its suffix removed
      const root = stripPrefixes(state.word, null, strict);
      if (root !== null) return root;
    }
    return null;
  }

  function stemSingle(word: string): string {
    if (word.length < MIN_STEMMABLE_LENGTH || isRoot(word)) return word;
    return stemAffixed(word) ?? word;
  }

  function stemUncached(word: string): string {
    if (isRoot(word)) return word;
    if (word.includes("-")) return stemHyphenated(word, { isRoot, stemSingle });
    return stemSingle(word);
  }

  return {
    isRoot,
    stem(word: string): string {
      const cached = cache.get(word);
      if (cached !== undefined) return cached;
      const stem = stemUncached(word);
      if (cache.size >= cacheSize) {
        const oldest = cache.keys().next();
        if (oldest.done !== true) cache.delete(oldest.value);
      }
      cache.set(word, stem);
      return stem;
    },
  };
}
