import type { Kysely } from "kysely";
import { idColumn } from "./column-types.ts";

/** Defaults a newsroom starts with; editable afterwards (src/search/aliases.service.ts). */
const DEFAULT_ALIASES: [string, string][] = [
  ["Korut", "Korea Utara"],
  ["Korsel", "Korea Selatan"],
  ["AS", "Amerika Serikat"],
  ["Jokowi", "Joko Widodo"],
  ["SBY", "Susilo Bambang Yudhoyono"],
  ["PBB", "Perserikatan Bangsa-Bangsa"],
  ["KPK", "Komisi Pemberantasan Korupsi"],
  ["DPR", "Dewan Perwakilan Rakyat"],
  ["BMKG", "Badan Meteorologi, Klimatologi, dan Geofisika"],
  ["BI", "Bank Indonesia"],
];

// Frozen once released: change the schema with a new migration, never by editing this one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable("search_aliases"))
    .addColumn("term", "text", (c) => c.notNull().unique())
    .addColumn("expansion", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto("search_aliases")
    .values(DEFAULT_ALIASES.map(([term, expansion]) => ({ term, expansion, created_at: now })))
    .execute();
}
