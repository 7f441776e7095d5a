/** "koreksi": a factual correction; "ralat": an erratum (a slip of spelling, a name, a number). */
export type CorrectionKind = "koreksi" | "ralat";
