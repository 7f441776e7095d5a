/**
 * The child processes of the page benchmark (bench/pages.bench.ts): the Warta server under load,
 * the bare server answering the same bytes (the practical limit), the "before #14" baseline
 * server, the corpus generator; and what is read off them (resident memory).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { round } from "./http-util.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const NODE = process.execPath;

export function runChild(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`)),
    );
  });
}

export function startWarta(env: Record<string, string>, port: number): ChildProcess {
  return spawn(NODE, ["src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      WARTA_LOG_LEVEL: "warn",
      WARTA_PAGE_CACHE_BYPASS: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function startLimit(
  port: number,
  response: { headers: Record<string, string>; body: Buffer },
  dir: string,
) {
  const bodyFile = join(dir, "limit-body.bin");
  const specFile = join(dir, "limit-response.json");
  writeFileSync(bodyFile, response.body);
  writeFileSync(specFile, JSON.stringify({ headers: response.headers, bodyFile }));
  const child = fork(join(ROOT, "bench/bare-server.ts"), [String(port), specFile], { stdio: "inherit" });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return child;
}

export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb("VmRSS") / 1024, 1), peakRssMb: round(kb("VmHWM") / 1024, 1) };
}

export function replayHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || ["date", "connection", "keep-alive", "transfer-encoding"].includes(name))
      continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

export function startBaseline(env: Record<string, string>, port: number): ChildProcess {
  return fork(join(ROOT, "bench/related-baseline-server.ts"), [String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env, WARTA_LOG_LEVEL: "warn", WARTA_PAGE_CACHE_BYPASS: "1" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
}
