/**
 * Cost of the account paths at the OWASP argon2id parameters: hash, verify, a full login over
 * HTTP (inject), and a cookie-authenticated request (session lookup). Small on purpose (2 shared
 * cores): `npx node bench/accounts.bench.ts [iterations]`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR } from "../src/core/actor.ts";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/app/config.ts";
import { createDeps } from "../src/app/deps.ts";
import { hashPassword, verifyPassword } from "../src/services/accounts/password.ts";

const n = Number(process.argv[2] ?? 10);

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  const p90 = samples[Math.floor(samples.length * 0.9)] ?? 0;
  console.log(`${label.padEnd(34)} median ${median.toFixed(1)} ms  p90 ${p90.toFixed(1)} ms  (n=${runs})`);
}

const hash = await hashPassword("kata-sandi-contoh-123");
await time("argon2id hash (19 MiB, t=2, p=1)", n, () => hashPassword("kata-sandi-contoh-123"));
await time("argon2id verify", n, () => verifyPassword("kata-sandi-contoh-123", hash));

const dir = await mkdtemp(join(tmpdir(), "warta-bench-accounts-"));
const deps = await createDeps(
  loadConfig({
    WARTA_DATABASE_URL: `sqlite:${join(dir, "w.db")}`,
    WARTA_MEDIA_DIR: join(dir, "m"),
    WARTA_LOG_LEVEL: "silent",
  }),
);
const app = await buildApp(deps);
try {
  await deps.accounts.users.create(
    { email: "bench@warta.test", name: "Bench", role: "editor", password: "kata-sandi-contoh-123" },
    SYSTEM_ACTOR,
  );
  let cookie = "";
  await time("POST /api/v1/auth/login", n, async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "bench@warta.test", password: "kata-sandi-contoh-123" },
    });
    cookie = String(response.headers["set-cookie"]).split(";")[0] ?? "";
  });
  await time("GET /api/v1/auth/me (cookie)", n * 20, () =>
    app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } }),
  );
} finally {
  await app.close();
  await deps.close();
  await rm(dir, { recursive: true, force: true });
}
