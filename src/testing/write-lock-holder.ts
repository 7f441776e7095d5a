import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/**
 * A second OS process that takes SQLite's write lock on `path` (BEGIN IMMEDIATE + a write) and
 * keeps it until `release()` — what a CLI import or reindex beside the server does.
 */
export interface WriteLockHolder {
  release(): Promise<void>;
}

const SCRIPT = `
const { DatabaseSync } = require("node:sqlite");
const db = new DatabaseSync(process.argv[1]);
db.exec("PRAGMA busy_timeout = 5000");
db.exec("BEGIN IMMEDIATE");
db.exec("CREATE TABLE IF NOT EXISTS lock_holder_probe (x INTEGER)");
db.exec("INSERT INTO lock_holder_probe VALUES (1)");
process.stdout.write("locked\\n");
process.stdin.once("data", () => { db.exec("ROLLBACK"); db.close(); process.exit(0); });
`;

export async function holdWriteLock(path: string): Promise<WriteLockHolder> {
  const child: ChildProcess = spawn(process.execPath, ["-e", SCRIPT, path], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
    child.stdout?.once("data", () => resolve());
  });
  child.removeAllListeners("exit");
  return {
    async release() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.stdin?.write("release\n");
      await exited;
    },
  };
}
