import type { FactCheckVerdict } from "./fact-check.ts";

/**
 * What a card says about a story besides its headline: a fact-check's verdict, or that it is a live
 * blog (still running or closed).
 */
export type StoryLabel = { kind: "verdict"; verdict: FactCheckVerdict } | { kind: "live"; open: boolean };
