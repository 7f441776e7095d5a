import type { SectionDirectory } from "../core/section.ts";
import type { RunInTransaction, Services } from "./services.ts";

/**
 * The writes of the composition root's services, each run as a unit of work (`run`), so that the
 * change and its domain events commit together (the events go to the outbox in the same
 * transaction). Reads stay on the store directly. The names listed here are every use case that
 * writes and emits events; anything else a service publishes outside a unit of work is appended to
 * the outbox right after its own commit (services/outbox/outbox.ts `bus`).
 */
export function writesInUnitsOfWork(
  services: Services,
  run: RunInTransaction,
  directory: () => Promise<SectionDirectory>,
): Services {
  function wrap<K extends keyof Services>(key: K, names: ReadonlyArray<keyof Services[K]>): Services[K] {
    const wrapped = { ...(services[key] as object) } as Services[K];
    for (const name of names) {
      (wrapped as Record<keyof Services[K], unknown>)[name] = async (...args: unknown[]) => {
        const { value } = await run(
          (unit) => {
            const target = unit[key] as Record<keyof Services[K], (...a: unknown[]) => Promise<unknown>>;
            return target[name](...args);
          },
          { directory: await directory() },
        );
        return value;
      };
    }
    return wrapped;
  }
  return {
    ...services,
    articles: wrap("articles", [
      "create",
      "createEmpty",
      "update",
      "save",
      "transition",
      "remove",
      "publishStaged",
      "publishScheduled",
      "notify",
    ]),
    sections: wrap("sections", ["create", "update"]),
    people: wrap("people", ["create", "update", "findOrCreateByName"]),
    revisions: wrap("revisions", ["restore"]),
    corrections: wrap("corrections", ["add"]),
  };
}
