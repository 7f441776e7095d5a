import type { ExtractedCredit } from "../extracted-article.ts";
import type { CreditRole } from "../../core/article.ts";
import { isName } from "./page-text.header-zone.ts";

/**
 * Credit boxes printed as separate lines, which a line-by-line reader cannot see:
 * a role label on its own line with the names under it (`Author` / `Silvanus Alvin` / `Editor` /
 * `Mevi Linawati`) or, when nothing follows, the name above it (`Fakhrizal Fakhri` / `Jurnalis`);
 * and names with the role glued on (`NurmayantiEditor`, `Liputan6.comAuthor`).
 */
const ROLES: Readonly<Record<string, CreditRole>> = {
  author: "penulis",
  penulis: "penulis",
  reporter: "penulis",
  jurnalis: "penulis",
  wartawan: "penulis",
  editor: "editor",
  redaktur: "editor",
  penyunting: "editor",
  fotografer: "fotografer",
  kontributor: "kontributor",
};

const LABEL =
  /^(author|penulis|reporter|jurnalis|wartawan|editor|redaktur|penyunting|fotografer|kontributor)$/iu;
const GLUED =
  /^(.{2,60}?[\p{Ll}.])(Author|Penulis|Reporter|Jurnalis|Wartawan|Editor|Redaktur|Penyunting|Fotografer|Kontributor)\d{0,3}$/u;

export interface CreditBlocks {
  credits: ExtractedCredit[];
  /** Indices of the lines the credits were read from. */
  used: Set<number>;
}

/** Reads the credit boxes among `indices` (non-empty line numbers, in order) of `lines`. */
export function readCreditBlocks(lines: readonly string[], indices: readonly number[]): CreditBlocks {
  const credits: ExtractedCredit[] = [];
  const used = new Set<number>();
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const line = lines[i] ?? "";
    const glued = GLUED.exec(line);
    // The glued role is evidence enough for a one-word name (`NurmayantiEditor`).
    if (glued !== null && (isName(glued[1] ?? "") || /^[\p{Lu}][\p{Ll}]{2,30}$/u.test(glued[1] ?? ""))) {
      credits.push({ role: ROLES[(glued[2] ?? "").toLowerCase()] ?? "penulis", name: glued[1] ?? "" });
      used.add(i);
      continue;
    }
    const label = LABEL.exec(line);
    if (label === null) continue;
    const role = ROLES[(label[1] ?? "").toLowerCase()] ?? "penulis";
    const names: number[] = [];
    for (let n = k + 1; n < indices.length && names.length < 4; n++) {
      const next = lines[indices[n] as number] ?? "";
      if (!isName(next) || next.length > 40) break;
      names.push(indices[n] as number);
    }
    const previous = indices[k - 1];
    if (names.length === 0 && previous !== undefined && !used.has(previous)) {
      const above = lines[previous] ?? "";
      if (isName(above) && above.length <= 40) names.push(previous);
    }
    if (names.length === 0) continue;
    used.add(i);
    for (const at of names) {
      used.add(at);
      credits.push({ role, name: lines[at] ?? "" });
    }
    if ((names[0] ?? 0) > i) k += names.length;
  }
  return { credits, used };
}
