import { isAppError } from "../../core/errors.ts";
import { isImportError, oneLine } from "../../importers/import-error.ts";

export type ReportOutcome = "imported" | "updated" | "skipped" | "failed";

/** One line of the report: a file, or one item (1-based) of a feed, JSONL file or export. */
export interface ReportEntry {
  outcome: ReportOutcome;
  file: string;
  item: number | null;
  articleId?: number;
  headline?: string;
  code?: string;
  reason?: string;
  /** Inline photos the import could not bring in (missing files, not images). */
  pendingImages?: string[];
  /** Photos at remote URLs, queued to be fetched in the background (`warta import-images`). */
  remoteImages?: string[];
}

export interface ImportReport {
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  /** True when Ctrl-C stopped the run before every file was done. */
  interrupted: boolean;
  entries: ReportEntry[];
}

export function emptyReport(): ImportReport {
  return { imported: 0, updated: 0, skipped: 0, failed: 0, interrupted: false, entries: [] };
}

export function addEntry(report: ImportReport, entry: ReportEntry): void {
  report[entry.outcome]++;
  report.entries.push(entry);
}

/** A one-line reason for any failure, safe to print: no stack traces, no driver text. */
export function failureOf(error: unknown): { code: string; reason: string } {
  if (isImportError(error)) return { code: error.code, reason: error.message };
  if (isAppError(error)) {
    const details = error.details.map((d) => `${d.field}: ${d.message}`).join("; ");
    return { code: error.code, reason: oneLine(details ? `${error.message} (${details})` : error.message) };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return {
    code: "internal",
    reason: `Kesalahan tak terduga saat menyimpan (unexpected error while saving: ${name}).`,
  };
}

const where = (entry: ReportEntry): string =>
  entry.item === null ? entry.file : `${entry.file} #${entry.item}`;

/** The human report: totals, then one line per failure. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `Diimpor (imported): ${report.imported}`,
    `Diperbarui (updated): ${report.updated}`,
    `Dilewati, tidak berubah (skipped, unchanged): ${report.skipped}`,
    `Gagal (failed): ${report.failed}`,
  ];
  if (report.interrupted) lines.push("Dihentikan dengan Ctrl-C (interrupted): sisa berkas tidak diproses.");
  const failures = report.entries.filter((e) => e.outcome === "failed");
  if (failures.length > 0) {
    lines.push("", "Gagal (failures):");
    for (const entry of failures) lines.push(`  ${where(entry)}: ${entry.reason ?? ""}`);
  }
  const withPending = report.entries.filter((e) => (e.pendingImages?.length ?? 0) > 0);
  if (withPending.length > 0) {
    lines.push("", "Gambar belum diimpor, tidak diunduh atau tidak ada (images not imported):");
    for (const entry of withPending)
      for (const src of entry.pendingImages ?? []) lines.push(`  ${where(entry)}: ${src}`);
  }
  const withRemote = report.entries.filter((e) => (e.remoteImages?.length ?? 0) > 0);
  if (withRemote.length > 0) {
    lines.push(
      "",
      "Gambar dari alamat web, diunduh di latar belakang oleh server; lihat `warta import-images` " +
        "(remote images, fetched in the background):",
    );
    for (const entry of withRemote)
      for (const url of entry.remoteImages ?? []) lines.push(`  ${where(entry)}: ${url}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The exit code of `warta import`: 0 all good, 1 something failed, 130 stopped by Ctrl-C. */
export function exitCodeOf(report: ImportReport): number {
  if (report.interrupted) return 130;
  return report.failed > 0 ? 1 : 0;
}
