import { createAccountsRepository } from "../../db/repositories/accounts.repository.ts";
import type { Executor } from "../../db/repositories/executor.ts";
import { createTaxonomyRepository } from "../../db/repositories/taxonomy.repository.ts";
import type { AuditService } from "./audit.service.ts";
import { createBackgroundWrites } from "./background-writes.ts";
import type { Argon2Params } from "./password.ts";
import { createSessionsService } from "./sessions.service.ts";
import { createTokensService } from "./tokens.service.ts";
import { createUsersService } from "./users.service.ts";

/** Users, sessions and API tokens over one store; every permission-relevant change is audited. */
export function createAccountsService(deps: {
  db: Executor;
  clock: () => Date;
  audit: AuditService;
  argon2?: Argon2Params;
}) {
  const background = createBackgroundWrites();
  const shared = {
    ...deps,
    repo: createAccountsRepository(),
    taxonomy: createTaxonomyRepository(),
    background,
  };
  return {
    /** Waits for bookkeeping writes still running (before the store closes). */
    settle: () => background.settle(),
    users: createUsersService(shared),
    sessions: createSessionsService(shared),
    tokens: createTokensService(shared),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
