import { resolve } from "node:path";
import { createEventBus, type EventBus } from "../core/events.ts";
import { openStore, type Store } from "../db/store.ts";
import { createArticlesRepository } from "../db/repositories/articles.repository.ts";
import { createMediaRepository } from "../db/repositories/media.repository.ts";
import { createTaxonomyRepository } from "../db/repositories/taxonomy.repository.ts";
import { createRevisionsRepository } from "../db/repositories/revisions.repository.ts";
import { createLocalMediaStorage, type MediaStorage } from "../media/media-storage.ts";
import { createArticlesService, type ArticlesService } from "../services/articles.service.ts";
import { createNewsroomServices, type NewsroomServices } from "../services/newsroom.services.ts";
import { createMediaService, type MediaService } from "../services/media.service.ts";
import { createPeopleService, type PeopleService } from "../services/people.service.ts";
import { createDistributionService, type DistributionService } from "../services/distribution.service.ts";
import { createReadingService, type ReadingService } from "../services/reading.service.ts";
import {
  createRelatedStoriesService,
  type RelatedStoriesService,
} from "../services/related-stories.service.ts";
import { createSectionsService, type SectionsService } from "../services/sections.service.ts";
import type { ServiceDeps } from "../services/service-deps.ts";
import { createTagsService, type TagsService } from "../services/tags.service.ts";
import type { AliasesService } from "../search/aliases.service.ts";
import { createSearchStack } from "../search/search.factory.ts";
import type { SearchService } from "../search/search.service.ts";
import { createAccountsService, type AccountsService } from "../services/accounts/accounts.service.ts";
import { createAuditService, type AuditService } from "../services/accounts/audit.service.ts";
import type { Argon2Params } from "../services/accounts/password.ts";
import { createReaderServices, type ReaderServices } from "../services/reader/reader.services.ts";
import type { Config } from "./config.ts";

/** Everything the app needs, built once (the composition root, DESIGN.md §5.3). */
export interface Deps {
  config: Config;
  store: Store;
  events: EventBus;
  clock: () => Date;
  storage: MediaStorage;
  sections: SectionsService;
  people: PeopleService;
  tags: TagsService;
  media: MediaService;
  articles: ArticlesService;
  reading: ReadingService;
  /** Berita Terkait, stored at publish/update (services/related-stories.service.ts). */
  relatedStories: RelatedStoriesService;
  /** Revisions, corrections, scheduler, webhooks and edit presence (services/newsroom.services.ts). */
  newsroom: NewsroomServices;
  /** Audit log (services/accounts/audit.service.ts): `audit.record(...)` from any use case. */
  audit: AuditService;
  /** Users, sessions and API tokens. */
  accounts: AccountsService;
  /** What the services are built from: the import rebuilds them on one transaction per article. */
  serviceDeps: ServiceDeps;
  distribution: DistributionService;
  search: SearchService;
  searchAliases: AliasesService;
  /** Indeks, Cek Fakta, Topik Pilihan, Terpopuler, live blogs (services/reader/). */
  reader: ReaderServices;
  close(): Promise<void>;
}

export interface DepsOptions {
  clock?: () => Date;
  /** Reports failures of event subscribers (defaults to stderr). */
  onEventError?: (error: unknown) => void;
  /** Password hashing cost; OWASP argon2id defaults unless a test lowers it. */
  argon2?: Argon2Params;
  /**
   * False for one-shot commands (import, reindex, …): work an event would start for later — the
   * Berita Terkait lists — is left to the server, which computes a missing list on first render.
   * The command's process would exit before finishing it, and it would slow a bulk import down.
   */
  backgroundWork?: boolean;
}

export async function createDeps(config: Config, options: DepsOptions = {}): Promise<Deps> {
  const clock = options.clock ?? (() => new Date());
  const store = await openStore(config.database, { busyBudgetMs: config.dbBusyWaitMs });
  const events = createEventBus((error, event) =>
    (options.onEventError ?? ((e) => console.error(`Event subscriber failed on ${event.type}:`, e)))(error),
  );
  const storage = createLocalMediaStorage(resolve(config.mediaDir));
  const base: ServiceDeps = {
    store,
    events,
    clock,
    repos: {
      articles: createArticlesRepository(),
      taxonomy: createTaxonomyRepository(),
      media: createMediaRepository(),
      revisions: createRevisionsRepository(),
    },
  };
  const sections = createSectionsService(base);
  const articles = createArticlesService({ ...base, sections });
  const audit = createAuditService({ store, clock });
  const newsroom = createNewsroomServices({
    ...base,
    articles,
    audit,
    siteUrl: config.siteUrl,
    webhookTargets: { allow: config.webhookAllowInternal },
  });
  const searchStack = createSearchStack({
    store,
    clock,
    sections,
    // Indexing runs in batches after the events: its failures go where subscribers' failures go.
    ...(options.onEventError ? { onIndexError: (error: unknown) => options.onEventError?.(error) } : {}),
  });
  events.subscribe((event) => searchStack.search.handleEvent(event));
  await searchStack.search.ensureIndexed(); // once, when the index is new or its layout changed
  const reading = createReadingService({ ...base, sections });
  const relatedStories = createRelatedStoriesService({
    store,
    clock,
    reading,
    related: (articleId, limit) => searchStack.search.related(articleId, limit),
    background: options.backgroundWork ?? true,
  });
  events.subscribe((event) => reading.handleEvent(event)); // list counts, before any re-render
  events.subscribe((event) => relatedStories.handleEvent(event)); // after the search index
  const accounts = createAccountsService({ store, clock, audit, argon2: options.argon2 });
  return {
    config,
    store,
    events,
    clock,
    storage,
    sections,
    people: createPeopleService(base),
    tags: createTagsService(base),
    media: createMediaService({ ...base, storage }),
    articles,
    reading,
    relatedStories,
    newsroom,
    audit,
    accounts,
    serviceDeps: base,
    distribution: createDistributionService({
      ...base,
      sections,
      siteUrl: config.siteUrl,
      siteName: config.siteName,
    }),
    search: searchStack.search,
    searchAliases: searchStack.aliases,
    reader: createReaderServices({ db: store.db, clock, sections, reading }),
    close: async () => {
      await newsroom.stop();
      await relatedStories.stop();
      await searchStack.search.flush();
      await accounts.settle();
      await store.close();
    },
  };
}
