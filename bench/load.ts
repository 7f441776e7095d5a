import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { median, round } from "./http-util.ts";

const execFileAsync = promisify(execFile);

export interface LoadResult {
  tool: "autocannon" | "wrk";
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** Rotate through these paths, e.g. many articles for forced misses. */
  paths?: string[];
}

async function hasWrk(): Promise<boolean> {
  try {
    await execFileAsync("wrk", ["--version"]);
    return true;
  } catch (error) {
    // wrk --version exits 1 but prints its banner.
    return (
      typeof (error as { stdout?: string }).stdout === "string" &&
      /wrk/.test((error as { stdout: string }).stdout)
    );
  }
}

let wrkAvailable: Promise<boolean> | null = null;

function wrkMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === "us" ? n / 1000 : unit === "s" ? n * 1000 : n;
}

async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const args = [`-t1`, `-c${options.connections}`, `-d${options.durationSeconds}s`, "--latency"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  if (options.paths) {
    // Rotate through the paths with a request() hook.
    const script = join(mkdtempSync(join(tmpdir(), "warta-wrk-")), "paths.lua");
    const list = options.paths.map((path) => JSON.stringify(path)).join(",\n");
    writeFileSync(
      script,
      `local paths = {\n${list}\n}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n`,
    );
    args.push("-s", script);
  }
  args.push(options.url);
  const { stdout } = await execFileAsync("wrk", args);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0);
  const pct = (p: string) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
    return m ? wrkMs(m[1] as string, m[2] as string) : NaN;
  };
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    tool: "wrk",
    requestsPerSecond: rps,
    p50Ms: pct("50"),
    p99Ms: pct("99"),
    non2xx,
    errors: errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
  };
}

/** Drives a URL on loopback with wrk when installed (lighter), else autocannon. */
export async function drive(options: LoadOptions): Promise<LoadResult> {
  wrkAvailable ??= hasWrk();
  if (await wrkAvailable) return runWrk(options);
  let next = 0;
  const paths = options.paths;
  const config: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
  };
  if (paths)
    config.requests = [
      {
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] as string }),
      },
    ];
  const result = await autocannon(config);
  return {
    tool: "autocannon",
    requestsPerSecond: result.requests.total / options.durationSeconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The median of each figure over rounds (the machine is shared: single runs are noisy). */
export function medianOf(
  runs: LoadResult[],
): LoadResult & { rounds: number; requestsPerSecondRuns: number[] } {
  const first = runs[0] as LoadResult;
  return {
    tool: first.tool,
    requestsPerSecond: round(median(runs.map((r) => r.requestsPerSecond)), 1),
    p50Ms: round(median(runs.map((r) => r.p50Ms)), 2),
    p99Ms: round(median(runs.map((r) => r.p99Ms)), 2),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    rounds: runs.length,
    requestsPerSecondRuns: runs.map((r) => round(r.requestsPerSecond, 1)),
  };
}
