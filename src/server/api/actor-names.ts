import type { Deps } from "../../app/deps.ts";

/**
 * Display names of the users behind history entries (revisions, workflow steps), so the newsroom
 * reads "Budi Santoso" rather than the stored label `user:7`. A deleted or unknown user has none.
 */
export async function actorNames(
  deps: Deps,
  userIds: readonly (number | null)[],
): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of new Set(userIds)) {
    if (id === null) continue;
    try {
      names.set(id, (await deps.accounts.users.get(id)).name);
    } catch {
      /* not found: the label stays */
    }
  }
  return names;
}
