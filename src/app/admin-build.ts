import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The admin SPA's folder (sources, index.html, vite.config.ts) and its build output. */
export const ADMIN_ROOT = fileURLToPath(new URL("../../admin/", import.meta.url));
export const ADMIN_DIST = join(ADMIN_ROOT, "dist");
const STAMP = ".source-hash";

/**
 * Files outside admin/ that the admin imports (pure domain code shared with the server); a change
 * to any of them also makes the build stale.
 */
export const ADMIN_SHARED_SOURCES = [
  "src/content/body.schema.ts",
  "src/content/embed-providers.ts",
  "src/core/policy.ts",
  "src/core/reading-time.ts",
  "src/core/section.ts",
  "src/core/time-zones.ts",
  "src/core/webhook.ts",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "dist" ? [] : sourceFiles(path);
    return [path];
  });
}

/**
 * A hash of everything the build reads: the admin's files and the lockfile (package versions).
 * Stored beside the output, so a start after `git pull` rebuilds exactly when something changed.
 */
export function adminSourceHash(root = ADMIN_ROOT): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(root).sort()) {
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  for (const shared of ADMIN_SHARED_SOURCES) {
    const file = join(root, "..", shared);
    if (existsSync(file)) hash.update(shared).update("\0").update(readFileSync(file)).update("\0");
  }
  const lock = join(root, "..", "package-lock.json");
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest("hex");
}

export function isAdminBuildFresh(root = ADMIN_ROOT): boolean {
  const stamp = join(root, "dist", STAMP);
  if (!existsSync(stamp) || !existsSync(join(root, "dist", "index.html"))) return false;
  return readFileSync(stamp, "utf8").trim() === adminSourceHash(root);
}

/** Builds the admin with Vite (programmatic API, config from admin/vite.config.ts). */
export async function buildAdmin(root = ADMIN_ROOT): Promise<{ ms: number }> {
  const started = performance.now();
  const { build } = await import("vite");
  const configModule = join(root, "vite.config.ts");
  const { adminViteConfig } = (await import(configModule)) as {
    adminViteConfig: (root: string) => Parameters<typeof build>[0];
  };
  await build(adminViteConfig(root));
  writeFileSync(join(root, "dist", STAMP), adminSourceHash(root) + "\n");
  return { ms: performance.now() - started };
}

/** Builds when the output is missing or stale; answers whether it built. */
export async function ensureAdminBuild(root = ADMIN_ROOT): Promise<boolean> {
  if (isAdminBuildFresh(root)) return false;
  await buildAdmin(root);
  return true;
}

/** Size on disk of every built file, for the benchmark and the docs. */
export function builtAssetSizes(root = ADMIN_ROOT): { file: string; bytes: number }[] {
  const dir = join(root, "dist", "assets");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((file) => ({ file, bytes: statSync(join(dir, file)).size }));
}
