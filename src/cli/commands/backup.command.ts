import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { backup, DatabaseSync } from "node:sqlite";
import { loadConfig, type Config } from "../../app/config.ts";
import { parseCommandArgs, UsageError, type Command } from "../command.ts";

interface Io {
  env: Record<string, string | undefined>;
  print(line: string): void;
  error(line: string): void;
}

const defaultIo: Io = {
  env: process.env,
  print: (line) => console.log(line),
  error: (line) => console.error(line),
};

/** A PostgreSQL URL with its password hidden, for printed guidance. */
function masked(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "****";
  return parsed.toString();
}

/** What a SQLite file holds, after SQLite's own integrity check; throws when it is not a Warta store. */
function inspectSqlite(path: string): { articles: number; migrations: number } {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const check = db.prepare("PRAGMA integrity_check").all() as Array<Record<string, unknown>>;
    const verdict = Object.values(check[0] ?? {})[0];
    if (verdict !== "ok") throw new Error(`integrity_check: ${String(verdict)}`);
    const hasMigrations = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'warta_migrations'")
      .get() as { n: number };
    if (hasMigrations.n === 0) throw new Error("not a Warta store (no migration table)");
    const migrations = (db.prepare("SELECT count(*) AS n FROM warta_migrations").get() as { n: number }).n;
    const articles = (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
    return { articles: Number(articles), migrations: Number(migrations) };
  } finally {
    db.close();
  }
}

/**
 * Events whose shared work (search index, webhooks) was not finished when the backup was taken are
 * claimed by processes that no longer exist: their claims are expired, so the first node started
 * on the restored store takes them over at once (services/outbox/outbox.ts, sweep).
 */
function releaseClaims(path: string): void {
  const db = new DatabaseSync(path);
  try {
    const table = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")
      .get() as { n: number };
    if (table.n === 0) return; // a backup from before the outbox (migration 013)
    db.prepare(
      "UPDATE outbox SET claimed_by = 'restore', claimed_at = '1970-01-01T00:00:00.000Z' WHERE handled_at IS NULL",
    ).run();
  } finally {
    db.close();
  }
}

function postgresGuidance(
  config: Config & { database: { dialect: "postgres"; url: string } },
  io: Io,
  what: "backup" | "restore",
) {
  const url = masked(config.database.url);
  if (what === "backup") {
    io.error("PostgreSQL is backed up with its own tools; Warta does not copy it. For example:");
    io.error(`  pg_dump --format=custom --no-owner --file=warta-$(date +%F).dump '${url}'`);
    io.error("A dump taken while the nodes run is consistent (one snapshot). Back up WARTA_MEDIA_DIR too.");
  } else {
    io.error("PostgreSQL is restored with its own tools, with every node stopped. For example:");
    io.error(`  pg_restore --clean --if-exists --no-owner --dbname='${url}' warta-YYYY-MM-DD.dump`);
    io.error("Then start one node: it applies any newer migrations, then start the others.");
  }
  io.error("See docs/operations.md, Backup and restore.");
  return 1;
}

/** `warta backup FILE`: an online copy of the SQLite store (the server may keep running). */
export function createBackupCommand(io: Io = defaultIo): Command {
  return {
    name: "backup",
    summary: "Copy the SQLite store to a file while it is in use (PostgreSQL: prints pg_dump guidance)",
    usage: "warta backup [--force] FILE",
    async run(argv) {
      const { values, positionals } = parseCommandArgs(argv, { force: { type: "boolean" } });
      const config = loadConfig(io.env);
      if (config.database.dialect === "postgres")
        return postgresGuidance({ ...config, database: config.database }, io, "backup");
      if (positionals.length !== 1) throw new UsageError("Give one file to write: warta backup FILE");
      const target = resolve(positionals[0] as string);
      const source = resolve(config.database.path);
      if (target === source) throw new UsageError("The backup file must not be the store itself.");
      if (!existsSync(source)) {
        io.error(`No store at ${source}.`);
        return 1;
      }
      if (existsSync(target)) {
        if (!values.force) {
          io.error(`${target} exists; pass --force to overwrite it.`);
          return 1;
        }
        await rm(target);
      }
      const started = performance.now();
      // SQLite's online backup API: copies page by page; writers keep going (a write during the
      // copy restarts the remaining steps), and the copy is one consistent snapshot.
      const db = new DatabaseSync(source);
      try {
        await backup(db, target, { rate: 1000 });
      } finally {
        db.close();
      }
      const { articles, migrations } = inspectSqlite(target);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.print(
        `Backed up ${source} to ${target} in ${seconds} s: ${articles} articles, ${migrations} migrations, integrity ok.`,
      );
      io.print(`Media files are not in the store: back up ${resolve(config.mediaDir)} as well.`);
      return 0;
    },
  };
}

/** `warta restore FILE`: replaces the SQLite store with a backup (every node stopped). */
export function createRestoreCommand(io: Io = defaultIo): Command {
  return {
    name: "restore",
    summary: "Replace the SQLite store with a backup file (stop the server first; PostgreSQL: guidance)",
    usage: "warta restore [--force] FILE",
    async run(argv) {
      const { values, positionals } = parseCommandArgs(argv, { force: { type: "boolean" } });
      const config = loadConfig(io.env);
      if (config.database.dialect === "postgres")
        return postgresGuidance({ ...config, database: config.database }, io, "restore");
      if (positionals.length !== 1) throw new UsageError("Give the backup file: warta restore FILE");
      const from = resolve(positionals[0] as string);
      const target = resolve(config.database.path);
      if (!existsSync(from)) {
        io.error(`No backup at ${from}.`);
        return 1;
      }
      let found: { articles: number; migrations: number };
      try {
        found = inspectSqlite(from);
      } catch (error) {
        io.error(`${from} cannot be restored: ${error instanceof Error ? error.message : String(error)}.`);
        return 1;
      }
      if (existsSync(target) && !values.force) {
        io.error(`${target} exists; stop every node and pass --force to replace it with the backup.`);
        return 1;
      }
      // The same backup API in the other direction: the store file (and its WAL) is rewritten
      // through SQLite, so no stale -wal/-shm file can outlive the copy.
      const db = new DatabaseSync(from, { readOnly: true });
      try {
        await backup(db, target);
      } finally {
        db.close();
      }
      releaseClaims(target);
      const restored = inspectSqlite(target);
      io.print(
        `Restored ${from} into ${target}: ${restored.articles} articles (backup had ${found.articles}), ` +
          `${restored.migrations} migrations; newer migrations run when a node starts.`,
      );
      io.print(
        "The search index is restored with the store; run `warta reindex` only if searches look wrong.",
      );
      return 0;
    },
  };
}

export const backupCommand = createBackupCommand();
export const restoreCommand = createRestoreCommand();
