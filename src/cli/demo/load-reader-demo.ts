import { SYSTEM_ACTOR } from "../../core/actor.ts";
import type { Deps } from "../../app/deps.ts";
import { DEMO_FACT_CHECKS } from "./demo-articles-reader.ts";

/**
 * The reader features of the demo (docs/reader-features.md), through the same services as the
 * newsroom: the Cek Fakta verdicts. `articleIds` maps demo article keys to their ids.
 */
export async function loadReaderDemo(deps: Deps, articleIds: ReadonlyMap<string, number>): Promise<void> {
  const idOf = (key: string): number => {
    const id = articleIds.get(key);
    if (id === undefined) throw new Error(`Demo article "${key}" is not defined`);
    return id;
  };
  for (const check of DEMO_FACT_CHECKS) {
    const { article, ...input } = check;
    await deps.reader.factChecks.set(idOf(article), input, SYSTEM_ACTOR);
  }
}
