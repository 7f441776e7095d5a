import { glob, readdir, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { paragraph, type Block } from "../../content/body.schema.ts";
import {
  emptyExtracted,
  validateExtracted,
  type ExtractedArticle,
} from "../../importers/extracted-article.ts";
import { ImportError } from "../../importers/import-error.ts";
import { createFileLoader } from "./file-loader.ts";
import { createYielder } from "./let-others-run.ts";
import { addEntry, emptyReport, failureOf, type ImportReport, type ReportEntry } from "./import-report.ts";
import type { ImportService } from "./import.service.ts";
import type { WartaImporter } from "./warta-import.ts";

const GLOB_CHARS = /[*?[\]{}]/;
/** A folder's image files are the pages' photos, not articles: a directory walk leaves them out. */
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|svg|bmp|ico|tiff?)$/iu;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && !IMAGE_FILE.test(entry.name)) out.push(path);
  }
}

/** A glob's fixed leading folders (`arsip/2024/**\/*.html` → `arsip/2024`). */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/u);
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  return fixed.length === 0 ? "." : fixed.join(sep) || sep;
}

/** A file to import and the folder being imported (images are read only inside it). */
export interface ImportFile {
  path: string;
  root: string;
}

/**
 * Files, directories (recursive, dot-files skipped, sorted) and globs → files, in argument order
 * without duplicates, each with its import root: the directory argument, the glob's fixed
 * folders, or the file's own folder. A path that does not exist is kept, so the report names it.
 */
export async function expandImportFiles(paths: string[]): Promise<ImportFile[]> {
  const out: ImportFile[] = [];
  const add = (root: string, found: string[]): void => {
    for (const path of found) out.push({ path, root });
  };
  for (const path of paths) {
    if (GLOB_CHARS.test(path)) {
      const matches: string[] = [];
      for await (const match of glob(path)) matches.push(match);
      matches.sort();
      const found: string[] = [];
      for (const match of matches) {
        const info = await stat(match).catch(() => null);
        if (info?.isDirectory()) await walk(match, found);
        else if (info?.isFile()) found.push(match);
      }
      add(globBase(path), found);
      continue;
    }
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const found: string[] = [];
      await walk(path, found);
      add(path, found);
    } else add(dirname(path), [path]);
  }
  const seen = new Set<string>();
  return out.filter((file) => {
    const key = resolve(file.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The file paths of `expandImportFiles`. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  return (await expandImportFiles(paths)).map((file) => file.path);
}

/** A JSONL line in the ExtractedArticle shape: missing fields take their empty values. */
export function extractedFromJson(value: unknown): ExtractedArticle {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ImportError(
      "invalid_content",
      "Baris JSONL bukan objek artikel (JSONL line is not an article object).",
    );
  const record = value as Partial<ExtractedArticle>;
  const format = record.format ?? "page-text";
  const article: ExtractedArticle = { ...emptyExtracted(format), ...record, format };
  if ((!record.blocks || record.blocks.length === 0) && Array.isArray(record.paragraphs))
    article.blocks = record.paragraphs.map((text): Block => paragraph(String(text)));
  if (!Array.isArray(record.paragraphs) && Array.isArray(article.blocks))
    article.paragraphs = article.blocks.flatMap((block) =>
      block.type === "paragraph" || block.type === "blockquote"
        ? [block.content.map((i) => i.text).join("")]
        : [],
    );
  if (typeof article.headline !== "string") article.headline = "";
  return article;
}

export interface BulkOptions {
  service: ImportService;
  warta: WartaImporter;
  /** Called after every file with the file count done so far. */
  onFile?: (done: number, total: number) => void;
  /** Checked between articles: true stops the run after the current article (Ctrl-C). */
  shouldStop?: () => boolean;
  maxBytes?: number;
  /** Parser threads (see file-loader.ts); default by core count and run size. */
  workers?: number;
}

/**
 * `warta import PATH...`: every file, feed item, JSONL line and export article gets a report entry;
 * one failure never stops the others.
 */
export async function runBulkImport(paths: string[], options: BulkOptions): Promise<ImportReport> {
  const report = emptyReport();
  const importFiles = await expandImportFiles(paths);
  const files = importFiles.map((file) => file.path);
  const roots = new Map(importFiles.map((file) => [file.path, file.root]));
  const stop = (): boolean => {
    if (options.shouldStop?.()) report.interrupted = true;
    return report.interrupted;
  };
  const fail = (file: string, item: number | null, error: unknown): void =>
    addEntry(report, { outcome: "failed", file, item, ...failureOf(error) });
  const importOne = async (file: string, item: number | null, article: ExtractedArticle): Promise<void> => {
    try {
      const result = await options.service.importArticle(article, {
        file,
        root: roots.get(file) ?? dirname(file),
      });
      addEntry(report, { file, item, ...result });
    } catch (error) {
      fail(file, item, error);
    }
  };

  const loader = createFileLoader(files, {
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  });
  let done = 0;
  const letOthersRun = createYielder();
  try {
    for await (const { file, loaded } of loader) {
      if (stop()) break;
      try {
        if ("error" in loaded) throw loaded.error;
        if ("text" in loaded) await importText(file, loaded);
        else if (loaded.items.length === 0)
          fail(file, null, new ImportError("no_body", "Feed tidak berisi artikel (feed has no items)."));
        else {
          const single =
            loaded.items.length === 1 && (loaded.format === "page-text" || loaded.format === "html");
          for (const [index, item] of loaded.items.entries()) {
            if (index > 0 && stop()) break;
            const position = single ? null : index + 1;
            if ("error" in item) fail(file, position, item.error);
            else await importOne(file, position, item.article);
          }
        }
      } catch (error) {
        fail(file, null, error);
      }
      done++;
      options.onFile?.(done, files.length);
      await letOthersRun();
    }
  } finally {
    await loader.close();
  }

  /** A Warta export, or JSON Lines (each line an export or an article in the extracted shape). */
  async function importText(file: string, loaded: { format: "warta-json" | "jsonl"; text: string }) {
    if (loaded.format === "warta-json") {
      for (const entry of await options.warta.importDocument(loaded.text, { file, shouldStop: stop }))
        addEntry(report, entry);
      return;
    }
    const lines = loaded.text.split(/\r?\n/);
    for (const [index, line] of lines.entries()) {
      if (line.trim() === "") continue;
      if (stop()) break;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        fail(
          file,
          index + 1,
          new ImportError(
            "invalid_json",
            `Baris ${index + 1} bukan JSON yang sah (line ${index + 1} is not valid JSON).`,
          ),
        );
        continue;
      }
      if (typeof value === "object" && value !== null && "warta" in value) {
        const entries = await options.warta.importDocument(line, { file, shouldStop: stop });
        for (const entry of entries) addEntry(report, { ...entry, item: index + 1 } satisfies ReportEntry);
        continue;
      }
      let article: ExtractedArticle;
      try {
        article = validateExtracted(extractedFromJson(value));
      } catch (error) {
        fail(file, index + 1, error);
        continue;
      }
      await importOne(file, index + 1, article);
      await letOthersRun();
    }
  }
  return report;
}
