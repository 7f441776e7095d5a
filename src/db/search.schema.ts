import type { Generated } from "kysely";

/** Search aliases the newsroom edits (migration 004): `Korut` = `Korea Utara`, matched both ways. */
export interface SearchAliasTable {
  id: Generated<number>;
  term: string;
  expansion: string;
  created_at: string;
}

export interface SearchTables {
  search_aliases: SearchAliasTable;
}
