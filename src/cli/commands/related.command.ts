import { parseCommandArgs, UsageError, type Command } from "../command.ts";
import { createProgress } from "../progress.ts";
import { withDeps } from "../runtime.ts";

export const relatedCommand: Command = {
  name: "related",
  summary: "Compute Berita Terkait for every live story whose list is missing or stale",
  usage: "warta related --all",
  async run(argv) {
    const { values } = parseCommandArgs(argv, { all: { type: "boolean" } }, false);
    if (!values.all) throw new UsageError("Give --all: every live story whose list is missing or stale.");
    return withDeps(async (deps) => {
      const started = performance.now();
      let shown = 0;
      let progress: ReturnType<typeof createProgress> | null = null;
      const count = await deps.relatedStories.fill({
        progress: (done, total) => {
          progress ??= createProgress({ total, label: "Berita Terkait", stream: process.stderr });
          progress.tick(done - shown);
          shown = done;
        },
      });
      (progress as ReturnType<typeof createProgress> | null)?.done();
      const seconds = (performance.now() - started) / 1000;
      console.log(
        count === 0
          ? "Every live story already has a fresh Berita Terkait list."
          : `Computed ${count} Berita Terkait lists in ${seconds.toFixed(1)} s.`,
      );
      return 0;
    });
  },
};
