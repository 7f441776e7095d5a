import { writeFile } from "node:fs/promises";
import { isImportError } from "../../importers/import-error.ts";
import { importPaths, type ImportRunOptions } from "../../services/import/import-paths.ts";
import { exitCodeOf, formatReport, type ImportReport } from "../../services/import/import-report.ts";
import type { Deps } from "../../app/deps.ts";
import { parseCommandArgs, UsageError, type Command } from "../command.ts";
import { createProgress } from "../progress.ts";
import { withDeps } from "../runtime.ts";

/** The import use case with a progress bar on `stream` (the command's stderr). */
async function importWithProgress(
  deps: Deps,
  options: ImportRunOptions & { progress?: NodeJS.WritableStream & { isTTY?: boolean } },
): Promise<ImportReport> {
  const { progress: stream, ...run } = options;
  let progress: ReturnType<typeof createProgress> | null = null;
  let lastDone = 0;
  const report = await importPaths(deps, {
    ...run,
    onFile(done, total) {
      if (!stream) return;
      progress ??= createProgress({ total, label: "Impor", stream });
      progress.tick(done - lastDone);
      lastDone = done;
    },
  });
  (progress as ReturnType<typeof createProgress> | null)?.done();
  return report;
}

export const importCommand: Command = {
  name: "import",
  summary: "Import articles from captured pages, HTML, RSS/Atom, WordPress WXR, JSONL or a Warta export",
  usage: "warta import [--status draft|published] [--json] PATH...  (files, directories, globs)",
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      status: { type: "string" },
      json: { type: "boolean", default: false },
    });
    if (positionals.length === 0)
      throw new UsageError("Sebutkan berkas atau direktori (give at least one PATH).");
    const status = values.status;
    if (status !== undefined && status !== "draft" && status !== "published")
      throw new UsageError("--status harus draft atau published (--status must be draft or published).");
    let stopping = false;
    const onSigint = (): void => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(
        "\nBerhenti setelah artikel ini… (stopping after the current article; Ctrl-C again to abort)\n",
      );
    };
    process.on("SIGINT", onSigint);
    try {
      return await withDeps(async (deps) => {
        const report = await importWithProgress(deps, {
          paths: positionals,
          ...(status ? { status } : {}),
          shouldStop: () => stopping,
          progress: process.stderr,
        });
        process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
        return exitCodeOf(report);
      });
    } finally {
      process.off("SIGINT", onSigint);
    }
  },
};

export const exportCommand: Command = {
  name: "export",
  summary: "Export all content as one Warta JSON document (lossless; re-import with warta import)",
  usage: "warta export [--out FILE.json]",
  async run(argv) {
    const { values } = parseCommandArgs(argv, { out: { type: "string" } }, false);
    return withDeps(async (deps) => {
      const { exportWarta } = await import("../../services/import/warta-export.ts");
      const document = await exportWarta({ serviceDeps: deps.serviceDeps, storage: deps.storage });
      const json = `${JSON.stringify(document, null, 2)}\n`;
      if (values.out) {
        await writeFile(values.out, json);
        console.error(`Diekspor ${document.warta.articles.length} artikel ke ${values.out}.`);
      } else process.stdout.write(json);
      return 0;
    });
  },
};

export const analyzePageCommand: Command = {
  name: "analyze-page",
  summary: "Print what import would extract from one HTML page or captured page text (writes nothing)",
  usage: "warta analyze-page [--url URL] FILE",
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { url: { type: "string" } });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new UsageError("Sebutkan satu berkas (give exactly one FILE).");
    const { analyzePageFile, formatExtractedJson } = await import("../../importers/analyze-page.ts");
    try {
      const article = await analyzePageFile(file, values.url === undefined ? {} : { url: values.url });
      process.stdout.write(formatExtractedJson(article));
      return 0;
    } catch (error) {
      if (!isImportError(error)) throw error;
      console.error(`${file}: ${error.message}`);
      return 1;
    }
  },
};
