import type { EventBus } from "../core/events.ts";
import type { Store } from "../db/store.ts";
import type { ArticlesRepository } from "../db/repositories/articles.repository.ts";
import type { MediaRepository } from "../db/repositories/media.repository.ts";
import type { TaxonomyRepository } from "../db/repositories/taxonomy.repository.ts";
import type { RevisionsRepository } from "../db/repositories/revisions.repository.ts";

/** What every service is built from; assembled once in app/deps.ts (DESIGN.md §5.3). */
export interface ServiceDeps {
  store: Store;
  events: EventBus;
  clock: () => Date;
  repos: {
    articles: ArticlesRepository;
    taxonomy: TaxonomyRepository;
    media: MediaRepository;
    revisions: RevisionsRepository;
  };
}
