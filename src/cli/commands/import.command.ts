import { writeFile } from "node:fs/promises";
import type { Actor } from "../../core/actor.ts";
import { isImportError } from "../../importers/import-error.ts";
import { formatReport, type ImportReport } from "../../services/import/import-report.ts";
import type { Deps } from "../../server/deps.ts";
import { parseCommandArgs, UsageError, type Command } from "../command.ts";
import { createProgress } from "../progress.ts";
import { withDeps } from "../runtime.ts";

const IMPORT_ACTOR: Actor = { kind: "system", name: "import" };

export interface ImportRunOptions {
  paths: string[];
  status?: "draft" | "published";
  /** Stops after the current article when it returns true (Ctrl-C). */
  shouldStop?: () => boolean;
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Test seam: see ImportServiceOptions.afterInsert. */
  afterInsert?: (articleId: number) => void | Promise<void>;
  maxBytes?: number;
  /** Parser threads (default: by core count and run size; see file-loader.ts). */
  workers?: number;
}

/** The import use case over built deps (the command and the tests share it). */
export async function importPaths(deps: Deps, options: ImportRunOptions): Promise<ImportReport> {
  // The parsers are loaded when an import runs, not by every `warta` command (`serve` stays ~25 MB smaller).
  const [{ runBulkImport }, { createImportService }, { createWartaImporter }] = await Promise.all([
    import("../../services/import/bulk-import.ts"),
    import("../../services/import/import.service.ts"),
    import("../../services/import/warta-import.ts"),
  ]);
  const runtime = { serviceDeps: deps.serviceDeps, storage: deps.storage, events: deps.events };
  const service = createImportService(runtime, {
    actor: IMPORT_ACTOR,
    ...(options.status ? { status: options.status } : {}),
    ...(options.afterInsert ? { afterInsert: options.afterInsert } : {}),
  });
  let progress: ReturnType<typeof createProgress> | null = null;
  let lastDone = 0;
  const report = await runBulkImport(options.paths, {
    service,
    warta: createWartaImporter(runtime, IMPORT_ACTOR),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    onFile(done, total) {
      if (!options.progress) return;
      progress ??= createProgress({ total, label: "Impor", stream: options.progress });
      progress.tick(done - lastDone);
      lastDone = done;
    },
  });
  (progress as ReturnType<typeof createProgress> | null)?.done();
  return report;
}

/** Exit codes: 0 all good, 1 something failed, 130 stopped by Ctrl-C. */
export function exitCodeOf(report: ImportReport): number {
  if (report.interrupted) return 130;
  return report.failed > 0 ? 1 : 0;
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
        const report = await importPaths(deps, {
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
