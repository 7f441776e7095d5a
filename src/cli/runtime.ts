import { loadConfig, type Config } from "../server/config.ts";
import { createDeps, type Deps } from "../server/deps.ts";

/** Loads configuration from the environment and builds the dependencies a command needs. */
export async function withDeps<T>(run: (deps: Deps, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const deps = await createDeps(config);
  try {
    return await run(deps, config);
  } finally {
    await deps.close();
  }
}
