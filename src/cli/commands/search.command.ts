import { parseCommandArgs, UsageError, type Command } from "../command.ts";
import { createAnalyzer } from "../../search/analyzer/analyzer.ts";
import { formatAnalysis } from "../../search/analyzer/analyze-command.ts";
import { createProgress } from "../progress.ts";
import { withDeps } from "../runtime.ts";

export const reindexCommand: Command = {
  name: "reindex",
  summary: "Rebuild the search indexes: readers' (live articles) and the newsroom's (every story)",
  usage: "warta reindex",
  async run(argv) {
    parseCommandArgs(argv, {}, false);
    return withDeps(async (deps) => {
      const started = performance.now();
      let shown = 0;
      let progress: ReturnType<typeof createProgress> | null = null;
      const count = await deps.search.reindex((done, total) => {
        progress ??= createProgress({ total, label: "Mengindeks", stream: process.stderr });
        progress.tick(done - shown);
        shown = done;
      });
      (progress as ReturnType<typeof createProgress> | null)?.done();
      // The newsroom's index (staff search: every story, drafts included).
      shown = 0;
      let staff: ReturnType<typeof createProgress> | null = null;
      const stories = await deps.newsroomSearch.reindex((done, total) => {
        staff ??= createProgress({ total, label: "Mengindeks ruang redaksi", stream: process.stderr });
        staff.tick(done - shown);
        shown = done;
      });
      (staff as ReturnType<typeof createProgress> | null)?.done();
      const stats = await deps.search.stats();
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `Indexed ${count} live articles in ${seconds.toFixed(1)} s (${stats.terms} terms` +
          (stats.bytes === null ? ")." : `, ${(stats.bytes / 1024 / 1024).toFixed(1)} MiB).`),
      );
      console.log(`Indexed ${stories} stories of every status for the newsroom's search.`);
      return 0;
    });
  },
};

export const analyzeCommand: Command = {
  name: "analyze",
  summary: 'Show how search sees a text: one "token<TAB>stem" line per word',
  usage: 'warta analyze "teks"',
  async run(argv) {
    const { positionals } = parseCommandArgs(argv, {});
    const text = positionals.join(" ");
    if (text.trim().length === 0) throw new UsageError("Give the text to analyze.");
    const output = formatAnalysis(text, createAnalyzer());
    if (output.length > 0) console.log(output);
    return 0;
  },
};
