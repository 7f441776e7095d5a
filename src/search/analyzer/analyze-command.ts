/**
 * `warta analyze "teks"`: show how the search analyzer sees a text, one token per line as
 * `token<TAB>stem` (like Elasticsearch's `_analyze`). The CLI wiring lives in src/cli.
 */
import type { Analyzer } from "./analyzer.ts";

export function formatAnalysis(text: string, analyzer: Analyzer): string {
  return analyzer
    .analyze(text)
    .map((token) => `${token.token}\t${token.stem}`)
    .join("\n");
}
