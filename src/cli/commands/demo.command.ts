import { parseCommandArgs, type Command } from "../command.ts";
import { loadDemo } from "../load-demo.ts";
import { withDeps } from "../runtime.ts";

export const demoCommand: Command = {
  name: "demo",
  summary: "Load Warta's demo content (sections, people, articles, images) into an empty store",
  usage: "warta demo",
  async run(argv) {
    parseCommandArgs(argv, {}, false);
    return withDeps(async (deps) => {
      const result = await loadDemo(deps);
      // One-shot commands compute nothing in the background: the demo's Berita Terkait now.
      if (result.loaded) await deps.relatedStories.fill();
      console.log(
        result.loaded
          ? `Loaded ${result.articles} demo articles.`
          : "The store already has articles; demo content not loaded.",
      );
      return 0;
    });
  },
};

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Bring the store's schema up to date",
  usage: "warta migrate",
  async run(argv) {
    parseCommandArgs(argv, {}, false);
    return withDeps(async (_deps, config) => {
      console.log(`Store is up to date (${config.database.dialect}).`);
      return 0;
    });
  },
};
