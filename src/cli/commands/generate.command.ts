import { parseCommandArgs, UsageError, type Command } from "../command.ts";
import { generateCorpus, StoreNotEmptyError } from "../generate/generate-corpus.ts";
import { createProgress } from "../progress.ts";
import { withDeps } from "../runtime.ts";

function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max.toLocaleString("en-US")}.`);
  return Number(value);
}

export const generateCommand: Command = {
  name: "generate",
  summary: "Fill an empty store with a reproducible synthetic corpus (benchmarks, load tests)",
  usage: "warta generate --articles N [--seed S]   (then `warta reindex` for search)",
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      { articles: { type: "string" }, seed: { type: "string" } },
      false,
    );
    if (values.articles === undefined) throw new UsageError("--articles is required.");
    const articles = positiveInt(values.articles, "articles", 0, 20_000_000);
    const seed = positiveInt(values.seed, "seed", 1, 2 ** 31 - 1);
    return withDeps(async (deps, config) => {
      const started = performance.now();
      try {
        const result = await generateCorpus(deps, {
          articles,
          seed,
          progress: (total) => createProgress({ total, label: "artikel", stream: process.stderr }),
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Generated ${result.articles.toLocaleString("en-US")} articles (${result.published.toLocaleString("en-US")} published), ` +
            `${result.sections} sections, ${result.people} people, ${result.tags} tags, ${result.images} images ` +
            `into ${config.database.dialect} in ${seconds} s (seed ${seed}).\n` +
            "No events were published: rebuild the search index with `warta reindex`.",
        );
        return 0;
      } catch (error) {
        if (error instanceof StoreNotEmptyError) {
          console.error(error.message);
          return 1;
        }
        throw error;
      }
    });
  },
};
