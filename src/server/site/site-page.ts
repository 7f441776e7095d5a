import type { SafeHtml } from "../../content/html.ts";

/** What a site route produces: a rendered page and the surrogate keys that invalidate it. */
export interface SitePage {
  status: number;
  html: SafeHtml;
  surrogateKeys: string[];
  /** The HTML holds edge-side includes a cache composes (`Surrogate-Control: content="ESI/1.0"`). */
  includes?: boolean;
}

/** Parses `?halaman=N`: a positive page number, or null when it is not one. */
export function parsePageNumber(value: unknown): number | null {
  if (value === undefined) return 1;
  if (typeof value !== "string" || !/^[1-9]\d{0,4}$/.test(value)) return null;
  return Number(value);
}
