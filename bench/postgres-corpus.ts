/**
 * A generated corpus in a fresh PostgreSQL database for the page benchmark (`--store postgres`):
 * created on the server at WARTA_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * filled by `warta generate` exactly as the SQLite corpus is, and dropped when the bench is done.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { round } from "./http-util.ts";

export const BENCH_POSTGRES_URL =
  process.env.WARTA_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const ROOT = new URL("../", import.meta.url).pathname;

async function admin(serverUrl: string, statement: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
}

export interface PostgresCorpus {
  dir: string;
  env: Record<string, string>;
  generateSeconds: number;
  dbBytes(): Promise<number>;
  drop(): Promise<void>;
}

/** Creates the database, generates the corpus into it (progress on stderr), and times it. */
export async function createPostgresCorpus(options: {
  articles: number;
  seed: number;
  benchDir: string;
  serverUrl?: string;
}): Promise<PostgresCorpus> {
  const serverUrl = options.serverUrl ?? BENCH_POSTGRES_URL;
  const name = `warta_bench_pages_${options.articles}_s${options.seed}_${process.pid}`;
  const dir = join(options.benchDir, `corpus-pg-${options.articles}-s${options.seed}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = { WARTA_DATABASE_URL: url.toString(), WARTA_MEDIA_DIR: join(dir, "media") };
  const drop = async () => {
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  };
  const start = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          "src/cli/main.ts",
          "generate",
          "--articles",
          String(options.articles),
          "--seed",
          String(options.seed),
        ],
        { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] },
      );
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`generate exited with ${code}`)),
      );
    });
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    dir,
    env,
    generateSeconds: round((performance.now() - start) / 1000, 1),
    async dbBytes() {
      const rows = (await admin(serverUrl, `SELECT pg_database_size('${name}') AS bytes`)) as {
        bytes: string;
      }[];
      return Number(rows[0]?.bytes ?? NaN);
    },
    drop,
  };
}
