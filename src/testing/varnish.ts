import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** Debian's varnishd (apt-get install varnish varnish-modules; .ci/run installs both). */
export const VARNISHD_PATH = process.env.WARTA_VARNISHD ?? "/usr/sbin/varnishd";
/** The shipped configuration (deploy/varnish/): warta.vcl includes backends.vcl. */
export const VCL_DIR = resolve(import.meta.dirname, "../../deploy/varnish");
const XKEY_VMOD = `/usr/lib/${process.arch === "arm64" ? "aarch64" : "x86_64"}-linux-gnu/varnish/vmods/libvmod_xkey.so`;

/**
 * Why Varnish tests cannot run here, or false when they can. CI sets WARTA_REQUIRE_VARNISH=1 (after
 * installing Debian's varnish and varnish-modules), so there a missing Varnish fails instead of skipping.
 */
export function varnishSkipReason(): string | false {
  const missing = [VARNISHD_PATH, XKEY_VMOD].filter((path) => !existsSync(path));
  if (missing.length === 0) return false;
  const reason = `Varnish not installed (${missing.join(", ")} missing: apt-get install varnish varnish-modules)`;
  if (process.env.WARTA_REQUIRE_VARNISH === "1") throw new Error(reason);
  return reason;
}

/** A work directory varnishd's unprivileged compiler user can read (it drops root). */
async function workDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "warta-varnish-"));
  await chmod(dir, 0o755);
  return dir;
}

export interface VarnishBackend {
  name: string;
  host: string;
  port: number;
}

/** A backends.vcl in the shipped format: one backend per node, the same probe, one director. */
export function backendsVcl(backends: readonly VarnishBackend[]): string {
  const probe = `probe warta_health {\n  .url = "/healthz";\n  .interval = 250ms;\n  .timeout = 2s;\n  .window = 4;\n  .threshold = 2;\n  .initial = 2;\n}\n`;
  const defs = backends
    .map(
      (b) =>
        `backend ${b.name} {\n  .host = "${b.host}";\n  .port = "${b.port}";\n  .probe = warta_health;\n  .connect_timeout = 1s;\n}\n`,
    )
    .join("");
  const adds = backends.map((b) => `  warta_nodes.add_backend(${b.name});\n`).join("");
  return `${probe}${defs}sub warta_backends_init {\n  new warta_nodes = directors.round_robin();\n${adds}}\n`;
}

/** `varnishd -C`: compiles a VCL file; returns the compiler's messages and whether it succeeded. */
export async function compileVcl(vclFile: string, vclPath: string): Promise<{ ok: boolean; output: string }> {
  const dir = await workDir();
  try {
    const result = spawnSync(VARNISHD_PATH, ["-C", "-f", vclFile, "-p", `vcl_path=${vclPath}`, "-n", dir], {
      encoding: "utf8",
    });
    return { ok: result.status === 0, output: `${result.stderr}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A free loopback port (Varnish needs a number up front). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface RunningVarnish {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts varnishd in the foreground with the shipped warta.vcl and the given backends. `storage`:
 * varnishd's `-s` (the news-day bench gives it as much memory as the in-process cache).
 */
export async function startVarnish(
  backends: readonly VarnishBackend[],
  port?: number,
  storage = "malloc,64m",
): Promise<RunningVarnish> {
  const dir = await workDir();
  await writeFile(join(dir, "backends.vcl"), backendsVcl(backends));
  const listen = port ?? (await freePort());
  const child: ChildProcess = spawn(
    VARNISHD_PATH,
    [
      "-F",
      "-n",
      dir,
      "-a",
      `127.0.0.1:${listen}`,
      "-f",
      join(VCL_DIR, "warta.vcl"),
      // Our backends.vcl first, then the shipped directory for everything else.
      "-p",
      `vcl_path=${dir}:${VCL_DIR}`,
      "-s",
      storage,
      "-T",
      "none",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${listen}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited (${child.exitCode}): ${stderr}`);
    // Up when a node answers through it (the probe has seen the backends healthy).
    const up = await fetch(`${url}/healthz`).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status === 200;
      },
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`varnishd did not answer on ${url} within 15 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port: listen,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
