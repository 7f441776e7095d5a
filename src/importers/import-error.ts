/**
 * One error type for every importer failure. `code` is stable for machines (the bulk report groups
 * by it); `message` is one line, Indonesian first with English in parentheses, safe to print as-is.
 */
export type ImportErrorCode =
  | "empty_file"
  | "file_too_large"
  | "binary_file"
  | "unreadable_file"
  | "unsupported_format"
  | "invalid_xml"
  | "invalid_json"
  | "invalid_date"
  | "no_headline"
  | "no_body"
  | "invalid_content"
  | "too_complex"
  | "timeout"
  /** An image path of the import points outside the imported folder (or is absolute). */
  | "unsafe_image_path";

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(oneLine(message), { cause: options.cause });
    this.name = "ImportError";
    this.code = code;
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}

/** Collapse any line breaks so a reason always fits one report line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
