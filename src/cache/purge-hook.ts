import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export type PurgeMethod = "PURGE" | "BAN";

export interface PurgeHookOptions {
  url: string;
  method: PurgeMethod;
  timeoutMs?: number;
  /** Where failures go (the app logger); a failed purge never fails the use case. */
  onError: (error: Error, keys: readonly string[]) => void;
}

/**
 * Tells a CDN or Varnish in front which surrogate keys to drop: one `PURGE` (or `BAN`) request to
 * the configured URL with `Surrogate-Key: k1 k2 …`. Fire and forget, bounded by a timeout; returns
 * the request's promise only so tests can wait for it.
 */
export function createPurgeHook(options: PurgeHookOptions): (keys: readonly string[]) => Promise<void> {
  const target = new URL(options.url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? 2000;
  return (keys) =>
    new Promise<void>((resolve) => {
      if (keys.length === 0) return resolve();
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        options.onError(error, keys);
        resolve();
      };
      const req = send(
        target,
        {
          method: options.method,
          headers: { "surrogate-key": keys.join(" "), "content-length": "0" },
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (settled) return;
            if (res.statusCode !== undefined && res.statusCode >= 400)
              return fail(new Error(`purge answered HTTP ${res.statusCode}`));
            settled = true;
            resolve();
          });
          res.on("error", fail);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`purge timed out after ${timeoutMs} ms`)));
      req.on("error", fail);
      req.end();
    });
}
