import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Role } from "../core/actor.ts";
import { SYSTEM_ACTOR } from "../core/actor.ts";
import type { User } from "../core/user.ts";
import { createTestDatabase } from "./test-database.ts";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../app/config.ts";
import { createDeps, type Deps } from "../app/deps.ts";

/** A real app on a fresh store with cheap password hashing, for /api tests. */
export interface ApiTestContext {
  app: FastifyInstance;
  deps: Deps;
  setNow(date: Date): void;
  /** Creates a user directly through the service (password `rahasia-<role>-123`). */
  user(role: Role, options?: { email?: string; personId?: number | null }): Promise<User>;
  /** Logs in over HTTP; returns the cookie header and CSRF token for later requests. */
  login(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  response: LightMyRequestResponse;
  /** Headers for a cookie-authenticated write. */
  write: { cookie: string; "x-csrf-token": string };
}

export const passwordFor = (role: Role) => `rahasia-${role}-123`;

export async function createApiContext(
  options: {
    env?: Record<string, string>;
    now?: Date;
    /** Make stored images' derivatives in the background, as a server does (off by default in tests). */
    prewarmMedia?: boolean;
  } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), "warta-api-"));
  const database = await createTestDatabase(dir);
  let now = options.now;
  const config = loadConfig({
    WARTA_DATABASE_URL: database.url,
    WARTA_MEDIA_DIR: join(dir, "media"),
    WARTA_SITE_URL: "https://warta.test",
    WARTA_LOG_LEVEL: "silent",
    ...options.env,
  });
  const deps = await createDeps(config, {
    clock: () => (now ? new Date(now) : new Date()),
    argon2: { memory: 1024, passes: 1, parallelism: 1 },
    prewarmMedia: options.prewarmMedia ?? false,
  });
  const app = await buildApp(deps);
  let count = 0;
  const context: ApiTestContext = {
    app,
    deps,
    setNow(date) {
      now = date;
    },
    async user(role, extra = {}) {
      count++;
      const { user } = await deps.accounts.users.create(
        {
          email: extra.email ?? `${role}${count}@warta.test`,
          name: `${role} ${count}`,
          role,
          personId: extra.personId ?? null,
          password: passwordFor(role),
        },
        SYSTEM_ACTOR,
      );
      return user;
    },
    async login(email, password) {
      const role = (await deps.accounts.users.byEmail(email)).role;
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email, password: password ?? passwordFor(role) },
      });
      if (response.statusCode !== 200)
        throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      const setCookie = String(response.headers["set-cookie"]);
      const cookie = setCookie.split(";")[0] ?? "";
      const csrf = (response.json() as { csrfToken: string }).csrfToken;
      return { cookie, csrf, response, write: { cookie, "x-csrf-token": csrf } };
    },
    async close() {
      await app.close();
      await deps.close();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return context;
}
