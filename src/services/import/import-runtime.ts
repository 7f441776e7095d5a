import type { MediaStorage } from "../../media/media-storage.ts";
import type { RunInTransaction, Services } from "../services.ts";

/**
 * What the import runs on (the composition root's Deps fits): the services over the store for
 * reads, and `transaction` for the one unit of work per article.
 */
export type ImportRuntime = Services & {
  storage: MediaStorage;
  clock: () => Date;
  transaction: RunInTransaction;
};
