import type { Transaction } from "kysely";
import type { DomainEvent, EventBus } from "../../core/events.ts";
import type { SectionDirectory } from "../../core/section.ts";
import type { Database } from "../../db/schema.ts";
import type { Store } from "../../db/store.ts";
import type { MediaStorage } from "../../media/media-storage.ts";
import { createArticlesService } from "../articles.service.ts";
import { createMediaService } from "../media.service.ts";
import { createPeopleService } from "../people.service.ts";
import { createSectionsService } from "../sections.service.ts";
import type { ServiceDeps } from "../service-deps.ts";
import { createTagsService } from "../tags.service.ts";

/** What the import needs from the composition root. */
export interface ImportRuntime {
  serviceDeps: ServiceDeps;
  storage: MediaStorage;
  events: EventBus;
}

/** The admin's services, rebuilt on one open transaction. */
export function transactionServices(base: ServiceDeps, storage: MediaStorage) {
  const sections = createSectionsService(base);
  return {
    store: base.store,
    sections,
    people: createPeopleService(base),
    tags: createTagsService(base),
    media: createMediaService({ ...base, storage }),
    articles: createArticlesService({ ...base, sections }),
  };
}

export type TransactionServices = ReturnType<typeof transactionServices>;

/**
 * The transaction as the services expect `store.db` to look: every query runs on it, and a
 * service's own `db.transaction().execute(fn)` joins it instead of opening a second one (SQLite
 * has one connection; PostgreSQL would otherwise commit the inner part on its own).
 */
function joinable(tx: Transaction<Database>): Store["db"] {
  const proxy: Store["db"] = new Proxy(tx, {
    get(target, property) {
      if (property === "transaction")
        return () => {
          const builder = {
            setIsolationLevel: () => builder,
            setAccessMode: () => builder,
            execute: <T>(fn: (inner: Store["db"]) => Promise<T>): Promise<T> => fn(proxy),
          };
          return builder;
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Store["db"];
  return proxy;
}

export interface ImportTransactionOptions {
  /** Overrides the services' clock (the Warta JSON import replays recorded times). */
  clock?: () => Date;
  /** Read-only section tree from the run's cache; used until this transaction creates a section. */
  directory?: SectionDirectory | null;
}

export interface ImportTransactionResult<T> {
  value: T;
  /** True when the transaction created sections (the run's cached directory is stale). */
  sectionsChanged: boolean;
}

/**
 * Runs `fn` with the services on one database transaction: everything it writes commits together
 * or not at all (a crash or kill mid-article leaves nothing behind). Domain events are held back
 * and published on the real bus only after the commit, so search and caches never see an
 * article that was rolled back.
 */
export async function inImportTransaction<T>(
  runtime: ImportRuntime,
  options: ImportTransactionOptions,
  fn: (services: TransactionServices) => Promise<T>,
): Promise<ImportTransactionResult<T>> {
  const held: DomainEvent[] = [];
  let sectionsChanged = false;
  const value = await runtime.serviceDeps.store.db.transaction().execute(async (tx) => {
    const store: Store = { ...runtime.serviceDeps.store, db: joinable(tx) };
    const events: EventBus = {
      publish: async (event) => {
        held.push(event);
      },
      subscribe: () => () => undefined,
    };
    const base: ServiceDeps = {
      ...runtime.serviceDeps,
      store,
      events,
      clock: options.clock ?? runtime.serviceDeps.clock,
    };
    const services = transactionServices(base, runtime.storage);
    let cached = options.directory ?? null;
    const sections = {
      ...services.sections,
      directory: async () => cached ?? (cached = await services.sections.directory()),
      create: async (...args: Parameters<typeof services.sections.create>) => {
        const created = await services.sections.create(...args);
        cached = null;
        sectionsChanged = true;
        return created;
      },
    };
    const articles = createArticlesService({ ...base, sections });
    return fn({ ...services, sections, articles });
  });
  for (const event of held) await runtime.events.publish(event);
  return { value, sectionsChanged };
}
