import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { ImportError } from "./import-error.ts";

export type DetectedFormat = "html" | "rss" | "atom" | "wxr" | "warta-json" | "jsonl" | "page-text";

export interface DetectedDocument {
  format: DetectedFormat;
  /** The decoded text (BOM removed). */
  text: string;
}

export interface ImportFileOptions {
  /** Largest accepted file in bytes; default `DEFAULT_MAX_IMPORT_BYTES` (20 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function tooLarge(size: number, maxBytes: number): ImportError {
  return new ImportError(
    "file_too_large",
    `Berkas terlalu besar: ${megabytes(size)}, batas ${megabytes(maxBytes)} (file too large: ${megabytes(size)}, limit ${megabytes(maxBytes)}).`,
  );
}

const EMPTY = (): ImportError => new ImportError("empty_file", "Berkas kosong (empty file).");

/**
 * Reads a file for import. The size is checked with `stat` before anything is read, so an
 * oversized file is rejected without loading it; unreadable paths get a one-line reason.
 */
export async function readImportFile(path: string, options: ImportFileOptions = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new ImportError("unreadable_file", "Bukan berkas biasa (not a regular file).");
    }
    if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
    if (info.size === 0) throw EMPTY();
    return await readFile(path);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === "string" ? code : "I/O";
    throw new ImportError(
      "unreadable_file",
      `Berkas tidak dapat dibaca: ${reason} (cannot read file: ${reason}).`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Decodes bytes as text, rejecting binary junk: NUL bytes, or more than 1% of characters that are
 * invalid UTF-8 or control characters. UTF-16 files with a byte-order mark are decoded as such.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw EMPTY();
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : null;
  if (utf16 === null && bytes.includes(0)) {
    throw new ImportError("binary_file", "Berkas biner, bukan teks (binary file: contains NUL bytes).");
  }
  const text = new TextDecoder(utf16 ?? "utf-8").decode(bytes).replace(/^\uFEFF/u, "");
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code === 0xfffd ||
      code === 0x7f ||
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c)
    ) {
      bad++;
    }
  }
  if (bad > Math.max(8, text.length * 0.01)) {
    throw new ImportError("binary_file", "Berkas biner atau bukan UTF-8 (binary file or not UTF-8 text).");
  }
  if (text.trim() === "") throw EMPTY();
  return text;
}

/** The first element name after the XML declaration, comments and doctype. */
function rootElement(head: string): string | null {
  const stripped = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/gu, "");
  if (/^\s*<!doctype\s+html/iu.test(stripped)) return "html";
  return /<([a-z][\w:.-]*)/iu.exec(stripped.replace(/<![\s\S]*?>/gu, ""))?.[1]?.toLowerCase() ?? null;
}

function detectJson(text: string, extension: string): DetectedFormat {
  const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
  const parses = (json: string): unknown => {
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return undefined;
    }
  };
  if (extension === ".jsonl" || extension === ".ndjson") {
    if (parses(firstLine) === undefined) {
      throw new ImportError(
        "invalid_json",
        "Baris pertama JSONL tidak sah (first JSONL line is not valid JSON).",
      );
    }
    return "jsonl";
  }
  const whole = parses(text);
  if (typeof whole === "object" && whole !== null && !Array.isArray(whole) && "warta" in whole)
    return "warta-json";
  if (whole !== undefined) {
    throw new ImportError(
      "unsupported_format",
      'JSON ini bukan ekspor Warta (JSON without a top-level "warta" key is not a Warta export).',
    );
  }
  if (parses(firstLine) !== undefined) return "jsonl";
  throw new ImportError("invalid_json", "JSON tidak sah (invalid JSON).");
}

/**
 * Detects the format of an import file from its name and bytes: HTML, RSS 2.0, Atom, WordPress
 * WXR, a Warta JSON export (`{"warta": ...}`), JSON Lines, or captured page text (anything else
 * that is text). Rejects empty, oversized and binary files with one-line reasons.
 */
export function detectFormat(
  fileName: string,
  bytes: Uint8Array,
  options: ImportFileOptions = {},
): DetectedDocument {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const text = decodeText(bytes);
  const extension = extname(fileName).toLowerCase();
  const start = text.trimStart();
  if (start.startsWith("{") || start.startsWith("[") || [".json", ".jsonl", ".ndjson"].includes(extension)) {
    return { format: detectJson(text, extension), text };
  }
  if (start.startsWith("<")) {
    const head = start.slice(0, 4096);
    const root = rootElement(head);
    if (root === "rss") {
      const wxr = /xmlns:wp="https?:\/\/wordpress\.org\/export\/|<wp:wxr_version/iu.test(head);
      return { format: wxr ? "wxr" : "rss", text };
    }
    if (root === "feed") return { format: "atom", text };
    const textFile = extension === ".txt" || extension === ".text" || extension === "";
    if (root !== null && ["html", "head", "body"].includes(root)) return { format: "html", text };
    if (root !== null && ["article", "main", "div", "meta", "title"].includes(root) && !textFile) {
      return { format: "html", text };
    }
    // Captured page text may open with markup shown as text (an ad tag, `<img …>`): still page text.
    const xml = [".xml", ".rss", ".atom"].includes(extension) || /^<\?xml/iu.test(start);
    if (!xml) return { format: "page-text", text };
    throw new ImportError(
      "unsupported_format",
      `Format XML tidak didukung: <${root ?? "?"}> (unsupported XML document: <${root ?? "?"}>).`,
    );
  }
  if ((extension === ".html" || extension === ".htm") && /<[a-z]/iu.test(start))
    return { format: "html", text };
  return { format: "page-text", text };
}
