/**
 * Cek Fakta: a story that checks one claim and rates it on a fixed scale. The verdict is shown as
 * a label on cards and the page and published as schema.org ClaimReview.
 */
export const FACT_CHECK_VERDICTS = ["benar", "sebagian-benar", "menyesatkan", "salah", "hoaks"] as const;

export type FactCheckVerdict = (typeof FACT_CHECK_VERDICTS)[number];

/** The label readers see, and the rating in ClaimReview (5 = true … 1 = hoax). */
export const VERDICTS: Readonly<Record<FactCheckVerdict, { label: string; rating: number }>> = {
  benar: { label: "Benar", rating: 5 },
  "sebagian-benar": { label: "Sebagian Benar", rating: 4 },
  menyesatkan: { label: "Menyesatkan", rating: 3 },
  salah: { label: "Salah", rating: 2 },
  hoaks: { label: "Hoaks", rating: 1 },
};

export interface FactCheck {
  articleId: number;
  /** The claim as it was made, quoted or closely paraphrased. */
  claim: string;
  /** Who made it (a person, an account, "Beredar di media sosial"). */
  claimant: string;
  /** Where it appeared ("Unggahan Facebook", "Debat calon gubernur"). */
  appearance: string;
  appearanceUrl: string | null;
  /** When the claim was made, if known. */
  claimDate: Date | null;
  verdict: FactCheckVerdict;
  updatedAt: Date;
}

export function isVerdict(value: string): value is FactCheckVerdict {
  return (FACT_CHECK_VERDICTS as readonly string[]).includes(value);
}
