import { loadConfig, type Config } from "../app/config.ts";
import { createDeps, type Deps } from "../app/deps.ts";

/** The dependencies of a one-shot command (no background work: see DepsOptions.backgroundWork). */
export function createCommandDeps(config: Config): Promise<Deps> {
  return createDeps(config, { backgroundWork: false });
}

/** Loads configuration from the environment and builds the dependencies a command needs. */
export async function withDeps<T>(run: (deps: Deps, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const deps = await createCommandDeps(config);
  try {
    return await run(deps, config);
  } finally {
    await deps.close();
  }
}
