import type { Actor } from "../../core/actor.ts";
import type { ImportReport } from "./import-report.ts";
import type { ImportRuntime } from "./import-transaction.ts";

const IMPORT_ACTOR: Actor = { kind: "system", name: "import" };

export interface ImportRunOptions {
  paths: string[];
  status?: "draft" | "published";
  /** Stops after the current article when it returns true (Ctrl-C). */
  shouldStop?: () => boolean;
  /** Called as files are read: `done` of `total` (the command draws its progress bar from it). */
  onFile?: (done: number, total: number) => void;
  /** Test seam: see ImportServiceOptions.afterInsert. */
  afterInsert?: (articleId: number) => void | Promise<void>;
  maxBytes?: number;
  /** Parser threads (default: by core count and run size; see file-loader.ts). */
  workers?: number;
}

/** The import use case: files, directories and globs → articles (the command, bench and tests share it). */
export async function importPaths(runtime: ImportRuntime, options: ImportRunOptions): Promise<ImportReport> {
  // The parsers are loaded when an import runs, not by every `warta` command (`serve` stays ~25 MB smaller).
  const [{ runBulkImport }, { createImportService }, { createWartaImporter }] = await Promise.all([
    import("./bulk-import.ts"),
    import("./import.service.ts"),
    import("./warta-import.ts"),
  ]);
  const service = createImportService(runtime, {
    actor: IMPORT_ACTOR,
    ...(options.status ? { status: options.status } : {}),
    ...(options.afterInsert ? { afterInsert: options.afterInsert } : {}),
  });
  return runBulkImport(options.paths, {
    service,
    warta: createWartaImporter(runtime, IMPORT_ACTOR),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onFile ? { onFile: options.onFile } : {}),
  });
}
