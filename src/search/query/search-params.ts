/**
 * Search parameters from a URL query, validated with Indonesian messages naming each bad field.
 * The site uses Indonesian names (`/cari?q=&rubrik=&tag=&orang=&dari=&sampai=&urut=&halaman=`), the
 * API English ones (`/api/v1/search?q=&section=&tag=&person=&from=&to=&sort=&page=&pageSize=`).
 */
import { AppError, type FieldIssue } from "../../core/errors.ts";
import type { SearchSort } from "../search-index.ts";
import { MAX_QUERY_LENGTH } from "./parse-query.ts";

export interface SearchRequest {
  q: string;
  /** Section slug path, e.g. `dunia` or `dunia/asia`. */
  section?: string;
  tag?: string;
  person?: string;
  /** Calendar days in WIB (`2024-10-25`), inclusive. */
  from?: string;
  to?: string;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface ParamNames {
  q: string;
  section: string;
  tag: string;
  person: string;
  from: string;
  to: string;
  sort: string;
  page: string;
  pageSize: string;
  sortValues: Record<SearchSort, string>;
}

export const SITE_PARAMS: ParamNames = {
  q: "q",
  section: "rubrik",
  tag: "tag",
  person: "orang",
  from: "dari",
  to: "sampai",
  sort: "urut",
  page: "halaman",
  pageSize: "per",
  sortValues: { relevance: "relevansi", date: "terbaru" },
};

export const API_PARAMS: ParamNames = {
  q: "q",
  section: "section",
  tag: "tag",
  person: "person",
  from: "from",
  to: "to",
  sort: "sort",
  page: "page",
  pageSize: "pageSize",
  sortValues: { relevance: "relevance", date: "date" },
};

export const MAX_PAGE = 500;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** WIB is UTC+7; a day filter covers the whole WIB calendar day. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** `2024-10-25` → the first instant of that day in WIB, or null when it is not a real date. */
export function startOfWibDay(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, date);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date)
    return null;
  return new Date(utc - WIB_OFFSET_MS);
}

export function endOfWibDay(day: string): Date | null {
  const start = startOfWibDay(day);
  return start ? new Date(start.getTime() + 86_400_000 - 1) : null;
}

function single(raw: Record<string, unknown>, name: string, issues: FieldIssue[]): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    issues.push({ field: name, message: "Isi sekali saja." });
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed.length === 0 ? undefined : trimmed;
}

/** Validates raw query parameters; throws `validation_failed` listing every bad field. */
export function parseSearchParams(
  raw: Record<string, unknown>,
  names: ParamNames,
  defaults: { pageSize: number; maxPageSize: number },
): SearchRequest {
  const issues: FieldIssue[] = [];
  const q = single(raw, names.q, issues) ?? "";
  if (q.length > MAX_QUERY_LENGTH)
    issues.push({
      field: names.q,
      message: `Kata kunci terlalu panjang (maksimal ${MAX_QUERY_LENGTH} karakter).`,
    });

  const section = single(raw, names.section, issues);
  if (section !== undefined && !section.split("/").every((part) => SLUG.test(part)))
    issues.push({ field: names.section, message: "Rubrik tidak dikenal." });
  const tag = single(raw, names.tag, issues);
  if (tag !== undefined && !SLUG.test(tag)) issues.push({ field: names.tag, message: "Tag tidak dikenal." });
  const person = single(raw, names.person, issues);
  if (person !== undefined && !SLUG.test(person))
    issues.push({ field: names.person, message: "Nama orang tidak dikenal." });

  const from = single(raw, names.from, issues);
  if (from !== undefined && !startOfWibDay(from))
    issues.push({ field: names.from, message: "Tanggal harus berformat TTTT-BB-HH, misalnya 2024-10-25." });
  const to = single(raw, names.to, issues);
  if (to !== undefined && !startOfWibDay(to))
    issues.push({ field: names.to, message: "Tanggal harus berformat TTTT-BB-HH, misalnya 2024-10-25." });
  if (from && to && startOfWibDay(from) && startOfWibDay(to) && from > to)
    issues.push({ field: names.to, message: "Tanggal akhir tidak boleh sebelum tanggal awal." });

  const sortText = single(raw, names.sort, issues);
  let sort: SearchSort = "relevance";
  if (sortText === names.sortValues.date) sort = "date";
  else if (sortText !== undefined && sortText !== names.sortValues.relevance)
    issues.push({
      field: names.sort,
      message: `Pilih "${names.sortValues.relevance}" atau "${names.sortValues.date}".`,
    });

  const pageText = single(raw, names.page, issues);
  let page = 1;
  if (pageText !== undefined) {
    if (/^[1-9]\d{0,3}$/u.test(pageText) && Number(pageText) <= MAX_PAGE) page = Number(pageText);
    else issues.push({ field: names.page, message: `Halaman harus angka 1–${MAX_PAGE}.` });
  }
  const sizeText = single(raw, names.pageSize, issues);
  let pageSize = defaults.pageSize;
  if (sizeText !== undefined) {
    if (/^[1-9]\d{0,2}$/u.test(sizeText) && Number(sizeText) <= defaults.maxPageSize)
      pageSize = Number(sizeText);
    else
      issues.push({
        field: names.pageSize,
        message: `Jumlah per halaman harus angka 1–${defaults.maxPageSize}.`,
      });
  }

  if (issues.length > 0)
    throw new AppError("validation_failed", "Parameter pencarian tidak valid.", { details: issues });
  return { q, section, tag, person, from, to, sort, page, pageSize };
}
