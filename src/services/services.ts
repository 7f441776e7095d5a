import type { DomainEvent, EventBus } from "../core/events.ts";
import type { SectionDirectory } from "../core/section.ts";
import { createArticlesRepository } from "../db/repositories/articles.repository.ts";
import type { Executor } from "../db/repositories/executor.ts";
import { createMediaRepository } from "../db/repositories/media.repository.ts";
import { createRevisionsRepository } from "../db/repositories/revisions.repository.ts";
import { createTaxonomyRepository } from "../db/repositories/taxonomy.repository.ts";
import { inTransaction } from "../db/transaction.ts";
import type { MediaStorage } from "../media/media-storage.ts";
import { createAuditService } from "./accounts/audit.service.ts";
import { createArticlesService } from "./articles.service.ts";
import { createCorrectionsService } from "./corrections.service.ts";
import { createMediaService } from "./media.service.ts";
import { createPeopleService } from "./people.service.ts";
import { createRevisionsService } from "./revisions.service.ts";
import { createSectionsService } from "./sections.service.ts";
import type { ServiceDeps } from "./service-deps.ts";
import { createTagsService } from "./tags.service.ts";

/** What the use cases run over: an executor (the store's `db`, or one open transaction) and its bus. */
export interface ServiceContext {
  db: Executor;
  events: EventBus;
  clock: () => Date;
  storage: MediaStorage;
  /** The section tree to start from (an import run's cached copy); read from the store when absent. */
  directory?: SectionDirectory | null;
  /**
   * The transactional outbox (services/outbox/outbox.ts): a unit of work appends its events inside
   * its transaction and drains after the commit. Without it, events go to `events` after the commit.
   */
  outbox?: EventRecorder;
}

/** The part of the outbox a unit of work uses. */
export interface EventRecorder {
  record(tx: Executor, events: DomainEvent[]): Promise<void>;
  drain(): Promise<void>;
}

/**
 * The use cases over one executor — the one wiring of the services. The composition root
 * (app/deps.ts) calls it with the store's `db`; `inUnitOfWork` calls it with a transaction.
 * Everything here is stateless apart from the section tree cache, so making it per transaction is cheap.
 */
export function createServices(context: ServiceContext) {
  const { db, events, clock, storage } = context;
  const base: ServiceDeps = {
    db,
    events,
    clock,
    repos: {
      articles: createArticlesRepository(),
      taxonomy: createTaxonomyRepository(),
      media: createMediaRepository(),
      revisions: createRevisionsRepository(),
    },
  };
  const sections = createSectionsService(base, { directory: context.directory ?? null });
  const audit = createAuditService({ db, clock });
  // Article use cases write their own audit entries, in the change's transaction.
  const articles = createArticlesService({ ...base, sections, audit });
  return {
    /** The executor these services run on, and the repositories they use (for work beside them). */
    db,
    repos: base.repos,
    sections,
    people: createPeopleService(base),
    tags: createTagsService(base),
    media: createMediaService({ ...base, storage }),
    articles,
    revisions: createRevisionsService({ ...base, articles }),
    corrections: createCorrectionsService({ ...base, articles, audit }),
    /** Audit log (`audit.record(input, executor)` joins the caller's unit of work). */
    audit,
  };
}

export type Services = ReturnType<typeof createServices>;

export interface UnitOfWorkResult<T> {
  value: T;
  /** The domain events the work emitted, published on the real bus after the commit. */
  events: DomainEvent[];
}

/** `inUnitOfWork` bound to the composition root's context (Deps.transaction). */
export type RunInTransaction = <T>(
  fn: (services: Services) => Promise<T>,
  options?: Partial<Pick<ServiceContext, "clock" | "directory">>,
) => Promise<UnitOfWorkResult<T>>;

/**
 * Runs `fn` with the services made over one database transaction: everything it writes commits
 * together or not at all. Domain events are held back: with an outbox they are appended to it in
 * the same transaction and delivered from it after the commit; without one they are published on
 * `context.events` after the commit. Either way search and caches never see a change that was
 * rolled back. Over an executor that already is a transaction, the work joins it (its events are
 * appended in that transaction and delivered by whoever commits it, or by the next drain).
 */
export async function inUnitOfWork<T>(
  context: ServiceContext,
  fn: (services: Services) => Promise<T>,
): Promise<UnitOfWorkResult<T>> {
  const held: DomainEvent[] = [];
  const holding: EventBus = {
    publish: async (event) => {
      held.push(event);
    },
    subscribe: () => () => undefined,
  };
  const { outbox } = context;
  const value = await inTransaction(context.db, async (tx) => {
    const result = await fn(createServices({ ...context, db: tx, events: holding }));
    if (outbox) await outbox.record(tx, held);
    return result;
  });
  if (!outbox) for (const event of held) await context.events.publish(event);
  else if (held.length > 0 && !context.db.isTransaction) await outbox.drain();
  return { value, events: held };
}
