import { resolve } from "node:path";
import { createPurgeSinks, type PurgeSinks } from "../cache/purge-sinks.ts";
import type { DomainEvent, EventBus } from "../core/events.ts";
import { listenPostgres } from "../db/dialects/postgres-listen.ts";
import { openStore, type Store } from "../db/store.ts";
import { createLocalMediaStorage, type MediaStorage } from "../media/media-storage.ts";
import type { DerivativeMaker } from "../media/derivatives.ts";
import type { DerivativePrewarm } from "../media/derivative-prewarm.ts";
import type { RemoteImagesService } from "../services/import/remote-images.service.ts";
import { createMediaBackground } from "./media-background.ts";
import { createNewsroomServices, type NewsroomServices } from "../services/newsroom.services.ts";
import { createDistributionService, type DistributionService } from "../services/distribution.service.ts";
import { createReadingService, type ReadingService } from "../services/reading.service.ts";
import {
  createRelatedStoriesService,
  type RelatedStoriesService,
} from "../services/related-stories.service.ts";
import {
  createServices,
  inUnitOfWork,
  type RunInTransaction,
  type ServiceContext,
  type Services,
} from "../services/services.ts";
import { createOutbox, type Outbox } from "../services/outbox/outbox.ts";
import { writesInUnitsOfWork } from "../services/units-of-work.ts";
import type { AliasesService } from "../search/aliases.service.ts";
import { createSearchStack } from "../search/search.factory.ts";
import type { SearchService } from "../search/search.service.ts";
import type { NewsroomSearchService } from "../search/newsroom-search.service.ts";
import { createAccountsService, type AccountsService } from "../services/accounts/accounts.service.ts";
import type { Argon2Params } from "../services/accounts/password.ts";
import { createReaderServices, type ReaderServices } from "../services/reader/reader.services.ts";
import { releaseScheduledEntries } from "../services/reader/live-entry-release.ts";
import type { Config } from "./config.ts";
import { registerSubscribers } from "./subscribers.ts";

/** Everything the app needs, built once (the composition root, DESIGN.md §5.3). */
export interface Deps extends Services {
  config: Config;
  store: Store;
  /**
   * Domain events as this node hears them: `subscribe` adds a node-local subscriber; `publish`
   * appends to the outbox and delivers (services normally publish through their unit of work).
   */
  events: EventBus;
  /** The transactional outbox: drains to this node's subscribers; `start()` for a long-running node. */
  outbox: Outbox;
  clock: () => Date;
  storage: MediaStorage;
  /** Image derivatives, made on first request and kept (media/derivatives.ts, docs/media.md). */
  derivatives: DerivativeMaker;
  /**
   * The hero ladder and social card of every stored or changed image, made in the background
   * through `derivatives` (media/derivative-prewarm.ts); idle when `backgroundWork` is false.
   */
  mediaPrewarm: DerivativePrewarm;
  /**
   * Imports' remote photos, fetched through the SSRF guard and put in place
   * (services/import/remote-images.service.ts); a round every 15 s once event delivery starts.
   */
  remoteImages: RemoteImagesService;
  reading: ReadingService;
  /** Users, sessions and API tokens (long-lived: their bookkeeping writes are settled on close). */
  accounts: AccountsService;
  /** Berita Terkait, stored at publish/update (services/related-stories.service.ts). */
  relatedStories: RelatedStoriesService;
  /** Revisions, corrections, scheduler, webhooks and edit presence (services/newsroom.services.ts). */
  newsroom: NewsroomServices;
  distribution: DistributionService;
  search: SearchService;
  newsroomSearch: NewsroomSearchService;
  searchAliases: AliasesService;
  /** Where the page cache and the CDN purge hook receive the keys each event touched. */
  purges: PurgeSinks;
  /**
   * The unit of work: `fn` gets the same services made over one transaction (services/services.ts
   * `inUnitOfWork`); its events reach subscribers after the commit. `clock` overrides the services'
   * clock (the Warta JSON import replays recorded times); `directory` seeds the section tree.
   */
  transaction: RunInTransaction;
  /** Indeks, Cek Fakta, Topik Pilihan, Terpopuler, live blogs (services/reader/). */
  reader: ReaderServices;
  /**
   * For a long-running node (`warta serve`): the outbox resumes from this node's saved position,
   * polls, sweeps stranded work and, on PostgreSQL, wakes on LISTEN/NOTIFY from other nodes.
   * Stopped by close().
   */
  startEventDelivery(): Promise<void>;
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
  /**
   * Whether stored images get their hero ladder and social card made in the background
   * (default: as `backgroundWork`). Test contexts turn it off unless a test is about it: a
   * suite that stores a photo then does not spend a core encoding AVIF beside the other suites.
   */
  prewarmMedia?: boolean;
  /** How often Terpopuler counts are added to the store (default 10 s; 0: on close and by hand). */
  viewFlushEveryMs?: number;
}

export async function createDeps(config: Config, options: DepsOptions = {}): Promise<Deps> {
  const clock = options.clock ?? (() => new Date());
  const store = await openStore(config.database, { busyBudgetMs: config.dbBusyWaitMs });
  const reportEventError =
    options.onEventError ?? ((error: unknown) => console.error("Event delivery failed:", error));
  const notifyChannel = store.dialect === "postgres" ? "warta_outbox" : null;
  // The search index is written in batches just after its events: handled once it is written.
  const outbox = openOutbox(store, config, notifyChannel, reportEventError, async () => {
    await searchStack.search.settled();
    await searchStack.newsroom.settled();
  });
  const events = outbox.bus;
  const storage = createLocalMediaStorage(resolve(config.mediaDir));
  const context: ServiceContext = { db: store.db, events, clock, storage, outbox };
  const rootServices = createServices(context);
  const run: RunInTransaction = (fn, overrides = {}) => inUnitOfWork({ ...context, ...overrides }, fn);
  const services = writesInUnitsOfWork(rootServices, run, () => rootServices.sections.directory());
  const base = { db: store.db, events, clock, repos: services.repos };
  const newsroom = createNewsroomServices({
    ...base,
    ...services,
    siteUrl: config.siteUrl,
    webhookTargets: { allow: config.webhookAllowInternal },
  });
  const searchStack = openSearch(store, clock, services, options);
  const { reading, relatedStories, reader } = createReadSide(
    { base, services, outbox, options },
    (id, limit) => searchStack.search.related(id, limit),
  );
  const accounts = createAccountsService({
    db: store.db,
    clock,
    audit: services.audit,
    ...(options.argon2 ? { argon2: options.argon2 } : {}),
  });
  const purges = createPurgeSinks({ topicsOf: (articleId) => reader.topics.topicIdsOf(articleId) });
  const { derivatives, mediaPrewarm, remoteImages } = openMediaBackground(
    store,
    config,
    services,
    storage,
    run,
  );
  registerSubscribers(outbox, {
    popular: reader.views,
    sections: services.sections,
    webhooks: newsroom.webhooks,
    search: searchStack.search,
    newsroomSearch: searchStack.newsroom,
    reading,
    relatedStories,
    purges,
    media: mediaSubscriber(mediaPrewarm, options.prewarmMedia ?? options.backgroundWork ?? true),
  });
  await searchStack.search.ensureIndexed(); // once, when the index is new or its layout changed
  await searchStack.newsroom.ensureIndexed();
  let stopListening: (() => Promise<void>) | null = null;
  const stopReleasing = (options.backgroundWork ?? true) ? startReaderWork(reader, clock, options) : null;
  return {
    ...services,
    config,
    store,
    events,
    outbox,
    clock,
    storage,
    derivatives,
    mediaPrewarm,
    remoteImages,
    reading,
    relatedStories,
    newsroom,
    accounts,
    distribution: createDistributionService({ ...base, sections: services.sections, ...siteOf(config) }),
    search: searchStack.search,
    newsroomSearch: searchStack.newsroom,
    searchAliases: searchStack.aliases,
    purges,
    transaction: run,
    reader,
    startEventDelivery: async () => {
      if (config.database.dialect === "postgres" && notifyChannel && !stopListening)
        stopListening = listenPostgres(
          config.database.url,
          notifyChannel,
          () => outbox.wake(),
          (error) => console.error("Outbox LISTEN connection failed (polling continues):", error),
        );
      await outbox.start();
      if (options.backgroundWork ?? true)
        remoteImages.start(15_000, (error) =>
          (options.onEventError ?? ((e) => console.error("Fetching imported remote images failed:", e)))(
            error,
          ),
        );
    },
    close: async () => {
      await stopListening?.();
      await stopReleasing?.();
      await outbox.stop();
      await mediaPrewarm.stop();
      await remoteImages.stop();
      await newsroom.stop();
      await reader.views.stop();
      await relatedStories.stop();
      await searchStack.search.flush();
      await searchStack.newsroom.flush();
      await outbox.settle();
      await accounts.settle();
      await store.close();
    },
  };
}

/** The event bus over the outbox table (clocked in real time: claims, leases and lag are about the machines, not the story clock). */
function openOutbox(
  store: Store,
  config: Config,
  notifyChannel: string | null,
  reportEventError: (error: unknown) => void,
  settled: () => Promise<void>,
) {
  return createOutbox({
    db: store.db,
    clock: () => new Date(),
    nodeId: config.nodeId,
    notifyChannel,
    pollMs: config.outboxPollMs,
    onError: (error) => reportEventError(error),
    settled,
  });
}

const siteOf = (config: Config) => ({ siteUrl: config.siteUrl, siteName: config.siteName });

/** Derivatives, their prewarm and the fetch of imported remote photos (clocked in real time: claims). */
function openMediaBackground(
  store: Store,
  config: Config,
  services: Services,
  storage: MediaStorage,
  run: RunInTransaction,
) {
  return createMediaBackground({
    db: store.db,
    media: services.repos.media,
    storage,
    run,
    clock: () => new Date(),
    owner: `${config.nodeId}/${process.pid}`,
    fetchPolicy: { allow: config.imageFetchAllowInternal },
  });
}

/** The reader features' background work: Terpopuler counts flushed, scheduled live entries released. */
function startReaderWork(
  reader: ReaderServices,
  clock: () => Date,
  options: DepsOptions,
): () => Promise<void> {
  reader.views.start((error) =>
    (options.onEventError ?? ((e) => console.error("Adding view counts to the store failed:", e)))(error),
  );
  return releaseScheduledEntries(reader.liveBlogs, clock, (error) =>
    (options.onEventError ?? ((e) => console.error("Releasing scheduled live entries failed:", e)))(error),
  );
}

/** Stored images get their derivatives made in the background when `prewarm` (media.changed events). */
function mediaSubscriber(mediaPrewarm: DerivativePrewarm, prewarm: boolean) {
  return {
    handleEvent: (event: DomainEvent) => {
      if (prewarm && event.type === "media.changed") mediaPrewarm.enqueue(event.id);
    },
  };
}

/** What readers see: the reading service, Berita Terkait lists over the search index, the reader features. */
function createReadSide(
  parts: {
    base: { db: Store["db"]; events: EventBus; clock: () => Date; repos: Services["repos"] };
    services: Services;
    outbox: Outbox;
    options: DepsOptions;
  },
  related: (articleId: number, limit: number) => ReturnType<SearchService["related"]>,
) {
  const { base, services, outbox, options } = parts;
  const reading = createReadingService({ ...base, sections: services.sections });
  const relatedStories = createRelatedStoriesService({
    db: base.db,
    clock: base.clock,
    reading,
    related,
    background: options.backgroundWork ?? true,
  });
  const reader = createReaderServices({
    ...base,
    sections: services.sections,
    reading,
    outbox,
    articles: services.articles,
    ...(options.viewFlushEveryMs !== undefined ? { viewFlushEveryMs: options.viewFlushEveryMs } : {}),
  });
  return { reading, relatedStories, reader };
}

/** The public and newsroom search indexes; indexing failures go where subscribers' failures go. */
function openSearch(store: Store, clock: () => Date, services: Services, options: DepsOptions) {
  return createSearchStack({
    store,
    clock,
    sections: services.sections,
    ...(options.onEventError ? { onIndexError: (error: unknown) => options.onEventError?.(error) } : {}),
  });
}
