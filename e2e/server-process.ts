import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export { freePort } from "../src/testing/varnish.ts";

/** A real `warta serve` process on a free loopback port, as an operator runs it. */
export interface WartaProcess {
  origin: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** Sends `signal` and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Starts `warta serve` with `env` (which must set PORT and HOST=127.0.0.1) and waits for /healthz. */
export async function startWarta(env: Record<string, string>): Promise<WartaProcess> {
  const child = spawn(process.execPath, ["src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${env.PORT}`;
  const process_: WartaProcess = {
    origin,
    child,
    stderr: () => stderr,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, "exit");
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`warta serve exited with ${child.exitCode}\n${stderr}`);
    const ok = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return process_;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await process_.stop("SIGKILL");
  throw new Error(`warta serve did not answer /healthz within 30 s\n${stderr}`);
}
