/**
 * Indonesian affix inventory and the prefix disambiguation rules of the Enhanced Confix Stripping (ECS)
 * family (Nazief & Adriani; Asian et al.; Arifin et al.), written from the published rule descriptions.
 *
 * A prefix rule turns a word into one or more candidate remainders, most likely first. Nasal prefixes
 * assimilate the first consonant of the root, so removal has to "recode" it back:
 * me(ny)apu → sapu, me(m)ukul → pukul, me(n)ulis → tulis, me(ng)irim → kirim.
 */

export type PrefixKind = "di" | "ke" | "se" | "ku" | "kau" | "be" | "te" | "me" | "pe";

export interface PrefixRemoval {
  readonly kind: PrefixKind;
  readonly rest: string;
}

export type DerivationalSuffix = "i" | "kan" | "an";

export const PARTICLES: readonly string[] = ["lah", "kah", "tah", "pun"];
export const POSSESSIVES: readonly string[] = ["nya", "ku", "mu"];
export const DERIVATIONAL_SUFFIXES: readonly DerivationalSuffix[] = ["kan", "an", "i"];

/**
 * Prefix–suffix pairs that never form a confix: a word matching one was segmented wrongly. The classic
 * ECS list plus pe-…-kan (nouns in pe(N)-/per- take -an: pe-narik-an, not pe-nari-kan).
 */
const DISALLOWED_CONFIXES: ReadonlySet<string> = new Set([
  "be+i",
  "di+an",
  "ke+i",
  "ke+kan",
  "me+an",
  "pe+kan",
  "se+i",
  "se+kan",
  "te+an",
]);

export function isDisallowedConfix(prefix: PrefixKind, suffix: DerivationalSuffix | null): boolean {
  return suffix !== null && DISALLOWED_CONFIXES.has(`${prefix}+${suffix}`);
}

const isVowel = (ch: string | undefined): boolean => ch !== undefined && "aiueo".includes(ch);
const isConsonant = (ch: string | undefined): boolean =>
  ch !== undefined && /^[a-z]$/u.test(ch) && !isVowel(ch);

/** Candidate removals of one prefix from the front of `word`, most likely first. */
export function prefixRemovals(word: string): PrefixRemoval[] {
  const out: PrefixRemoval[] = [];
  const add = (kind: PrefixKind, rest: string): void => {
    if (rest.length >= 2) out.push({ kind, rest });
  };
  const c0 = word[0];
  if (c0 === "d" && word.startsWith("di")) add("di", word.slice(2));
  else if (c0 === "k") {
    if (word.startsWith("ke")) add("ke", word.slice(2));
    if (word.startsWith("kau")) add("kau", word.slice(3));
    else if (word.startsWith("ku")) add("ku", word.slice(2));
  } else if (c0 === "s" && word.startsWith("se")) add("se", word.slice(2));
  else if (c0 === "b" && word.startsWith("be")) beRules(word, add);
  else if (c0 === "t" && word.startsWith("te")) teRules(word, add);
  else if (c0 === "m" && word.startsWith("me")) nasalRules(word, "me", add);
  else if (c0 === "p" && word.startsWith("pe")) peRules(word, add);
  return out;
}

type Add = (kind: PrefixKind, rest: string) => void;

/** ber-, be- (bekerja), bel- (belajar). */
function beRules(word: string, add: Add): void {
  if (word.startsWith("ber")) {
    const next = word[3];
    if (isVowel(next)) {
      add("be", word.slice(3)); // ber-akhir
      add("be", word.slice(2)); // be-rambut
    } else if (isConsonant(next) && next !== "r") {
      add("be", word.slice(3)); // ber-main
    }
    return;
  }
  if (word.startsWith("belajar")) {
    add("be", word.slice(3));
    return;
  }
  // be-C1erC2: be-kerja, be-ternak
  if (isConsonant(word[2]) && word[2] !== "r" && word[2] !== "l" && word.slice(3, 5) === "er") {
    add("be", word.slice(2));
  }
}

/** ter-, te- (teperdaya). */
function teRules(word: string, add: Add): void {
  if (word.startsWith("ter")) {
    const next = word[3];
    if (isVowel(next)) {
      add("te", word.slice(3)); // ter-ancam
      add("te", word.slice(2)); // te-rasa
    } else if (isConsonant(next) && next !== "r") {
      add("te", word.slice(3)); // ter-bang
    }
    return;
  }
  if (isConsonant(word[2]) && word[2] !== "r" && word.slice(3, 5) === "er") add("te", word.slice(2));
}

/**
 * me- and the nasal part of pe-: the same assimilation rules with `head` = "me" or "pe".
 * Returns true when a nasal form matched.
 */
function nasalRules(word: string, head: "me" | "pe", add: Add): boolean {
  const kind = head;
  const afterHead = word.slice(2);
  const c2 = afterHead[0];
  if (c2 === "m") {
    const c3 = afterHead[1];
    if (c3 === "b" || c3 === "f" || c3 === "v")
      add(kind, word.slice(3)); // mem-beli
    else if (c3 === "p")
      add(kind, word.slice(3)); // mem-punyai, mem-perkuat
    else if (isVowel(c3) || (c3 === "r" && isVowel(afterHead[2]))) {
      add(kind, word.slice(2)); // me-makan
      add(kind, "p" + word.slice(3)); // me(m)ukul → pukul
    }
    return true;
  }
  if (c2 === "n") {
    const c3 = afterHead[1];
    if (c3 === "g") {
      const c4 = afterHead[2];
      if (isVowel(c4)) {
        add(kind, word.slice(4)); // meng-ambil
        add(kind, "k" + word.slice(4)); // me(ng)irim → kirim
        if (c4 === "e" && isConsonant(afterHead[3])) add(kind, word.slice(5)); // menge-cat
        add(kind, word.slice(2)); // me-nganga
      } else if (c4 === "g" || c4 === "h" || c4 === "k" || c4 === "q" || c4 === "x") {
        add(kind, word.slice(4)); // meng-gambar, meng-kritik
      }
      return true;
    }
    if (c3 === "y") {
      if (isVowel(afterHead[2])) {
        add(kind, word.slice(2)); // me-nyala, pe-nyawa-an
        add(kind, "s" + word.slice(4)); // me(ny)apu → sapu
      }
      return true;
    }
    if (isVowel(c3)) {
      add(kind, word.slice(2)); // me-nikah
      add(kind, "t" + word.slice(3)); // me(n)ulis → tulis
      return true;
    }
    if (c3 === "c" || c3 === "d" || c3 === "j" || c3 === "s" || c3 === "z" || c3 === "t") {
      add(kind, word.slice(3)); // men-cari, men-dengar, men-syukuri, men-transfer
    }
    return true;
  }
  if (head === "me" && (c2 === "l" || c2 === "r" || c2 === "w" || c2 === "y") && isVowel(afterHead[1])) {
    add(kind, afterHead); // me-lihat, me-rasa
    return true;
  }
  return false;
}

/** per-, pe- with nasal assimilation, pel- (pelajar), and plain pe- (petani, pekerja). */
function peRules(word: string, add: Add): void {
  if (word.startsWith("per")) {
    const next = word[3];
    if (isVowel(next)) {
      add("pe", word.slice(3)); // per-ahu
      add("pe", word.slice(2)); // pe-rasa
    } else if (isConsonant(next) && next !== "r") {
      add("pe", word.slice(3)); // per-kuat
    }
    return;
  }
  if (nasalRules(word, "pe", add)) return;
  const c2 = word[2];
  if ((c2 === "w" || c2 === "y") && isVowel(word[3])) {
    add("pe", word.slice(2)); // pe-waris
    return;
  }
  if (c2 === "l") {
    if (word.startsWith("pelajar")) add("pe", word.slice(3));
    else if (isVowel(word[3])) add("pe", word.slice(2)); // pe-lari
    return;
  }
  if (isConsonant(c2) && c2 !== "r") add("pe", word.slice(2)); // pe-tani, pe-kerja
}
