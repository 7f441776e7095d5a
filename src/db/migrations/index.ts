import type { Migration, MigrationProvider } from "kysely";
import * as content from "./001-content.ts";
import * as accounts from "./002-accounts.ts";
import * as newsroom from "./003-newsroom.ts";
import * as searchAliases from "./004-search-aliases.ts";
import * as importer from "./005-import.ts";
import * as relatedStories from "./006-related-stories.ts";
import * as readerFeatures from "./007-reader-features.ts";
import * as mediaPipeline from "./008-media-pipeline.ts";
import * as newsroomListIndexes from "./009-newsroom-list-indexes.ts";
import * as outbox from "./013-outbox.ts";
import * as liveEntryMedia from "./014-live-entry-media.ts";
import * as relatedStoriesStale from "./015-related-stories-stale.ts";
import * as liveEntriesPending from "./016-live-entries-pending.ts";
import * as mediaBackgroundWork from "./017-media-background-work.ts";
import * as editPresence from "./018-edit-presence.ts";

/** Every migration, in order. Released migrations are frozen (DESIGN.md §5.5). */
export const MIGRATIONS: Record<string, Migration> = {
  "001-content": content,
  "002-accounts": accounts,
  "003-newsroom": newsroom,
  "004-search-aliases": searchAliases,
  "005-import": importer,
  "006-related-stories": relatedStories,
  "007-reader-features": readerFeatures,
  "008-media-pipeline": mediaPipeline,
  "009-newsroom-list-indexes": newsroomListIndexes,
  "013-outbox": outbox,
  "014-live-entry-media": liveEntryMedia,
  "015-related-stories-stale": relatedStoriesStale,
  "016-live-entries-pending": liveEntriesPending,
  "017-media-background-work": mediaBackgroundWork,
  "018-edit-presence": editPresence,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
