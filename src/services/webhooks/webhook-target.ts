import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { request as httpRequest, type OutgoingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { classifyIp, inCidr, parseIp } from "../../core/ip-address.ts";

/**
 * Where a webhook may be sent. A webhook is a request the server makes on an administrator's
 * behalf, so its target must not be the inside of the newsroom's network (SSRF): loopback in any
 * spelling, private, carrier-grade NAT, link-local (cloud metadata), unique-local, multicast and
 * reserved addresses are refused — when the webhook is saved, and again at every send, after the
 * host name is resolved, on the very address the connection is made to (DNS rebinding).
 *
 * A newsroom's own internal receivers are opted in explicitly (WARTA_WEBHOOK_ALLOW_INTERNAL):
 * exact host names, IP addresses or CIDR ranges.
 */
export type Resolve = (host: string) => Promise<string[]>;

export interface TargetPolicy {
  /** Host names, addresses and CIDRs allowed although internal (lower case). */
  allow: readonly string[];
  /** Host name → addresses (defaults to the system resolver). */
  resolve?: Resolve;
}

const RESOLVE_TIMEOUT_MS = 3_000;

export const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) => {
    const options: LookupAllOptions = { all: true, order: "verbatim" };
    dnsLookup(host, options, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    );
  });

/** Lower case, without IPv6 brackets or the root label's trailing dot (`localhost.`). */
const bareHost = (hostname: string) =>
  hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.+$/, "");

function allowedHost(host: string, allow: readonly string[]): boolean {
  return allow.includes(host);
}

function allowedAddress(address: string, allow: readonly string[]): boolean {
  const bytes = parseIp(address);
  if (!bytes) return false;
  if (classifyIp(bytes) === "public") return true;
  return allow.some((entry) => (parseIp(entry.split("/")[0] ?? "") ? inCidr(bytes, entry) : false));
}

const refused = (what: string) =>
  `Alamat webhook ${what} berada di jaringan internal (loopback, privat atau link-local) dan tidak diizinkan. ` +
  "Penerima internal milik redaksi bisa diizinkan lewat WARTA_WEBHOOK_ALLOW_INTERNAL.";

/** What is wrong with the URL as written (scheme, a literal internal address, a local name), or null. */
export function staticTargetProblem(url: string, policy: TargetPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "URL tidak valid.";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "URL harus http(s).";
  // WHATWG parsing already turned 127.1, 0x7f.1, 2130706433 and [::ffff:127.0.0.1] into canonical form.
  const host = bareHost(parsed.hostname);
  if (allowedHost(host, policy.allow)) return null;
  if (host === "localhost" || host.endsWith(".localhost") || host === "")
    return refused(`"${parsed.hostname}"`);
  if (parseIp(host) && !allowedAddress(host, policy.allow)) return refused(`"${parsed.hostname}"`);
  return null;
}

async function resolveWithin(resolve: Resolve, host: string): Promise<string[] | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((done) => {
    timer = setTimeout(() => done(null), RESOLVE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([resolve(host).catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The full check: the URL as written, then every address its host resolves to. `unresolvable`
 * says what to do when the name does not resolve: at save time a receiver may not exist yet
 * (accepted, checked again at send); at send time nothing is sent.
 */
export async function targetProblem(
  url: string,
  policy: TargetPolicy,
  unresolvable: "accept" | "refuse",
): Promise<string | null> {
  const problem = staticTargetProblem(url, policy);
  if (problem) return problem;
  const host = bareHost(new URL(url).hostname);
  if (parseIp(host) || allowedHost(host, policy.allow)) return null;
  const addresses = await resolveWithin(policy.resolve ?? systemResolve, host);
  if (addresses === null || addresses.length === 0)
    return unresolvable === "accept" ? null : `Nama host "${host}" tidak bisa di-resolve.`;
  const internal = addresses.find((address) => !allowedAddress(address, policy.allow));
  return internal ? refused(`"${host}" (${internal})`) : null;
}

/**
 * A resolver for sockets that refuses internal addresses: the check is on the address connected to.
 * Names are resolved with `policy.resolve` when given (a test's own resolver), else the system's.
 */
export function guardedLookup(policy: TargetPolicy): LookupFunction {
  const resolveAll = (
    host: string,
    options: object,
    done: (error: Error | null, a: LookupAddress[]) => void,
  ) => {
    if (!policy.resolve) {
      dnsLookup(host, { ...options, all: true }, (error, addresses: LookupAddress[]) =>
        done(error, addresses),
      );
      return;
    }
    policy.resolve(host).then(
      (found) =>
        done(
          null,
          found.map((address) => ({ address, family: isIP(address) })),
        ),
      (error: Error) => done(error, []),
    );
  };
  return (hostname, options, callback) => {
    const host = bareHost(hostname);
    resolveAll(host, options, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const bad = allowedHost(host, policy.allow)
        ? undefined
        : addresses.find((a) => !allowedAddress(a.address, policy.allow));
      if (bad || addresses.length === 0)
        return callback(
          Object.assign(new Error(`target ${host} resolved to ${bad?.address ?? "nothing"}`), {
            code: "EBLOCKEDADDRESS",
          }),
          "",
          0,
        );
      if ((options as { all?: boolean }).all)
        return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * The webhook sender: a minimal fetch over node:http(s) whose sockets connect only to addresses
 * that pass the policy (no redirects followed; the body is discarded).
 */
export function guardedFetch(policy: TargetPolicy): typeof fetch {
  const lookup = guardedLookup(policy);
  return ((input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      const outgoing = request(
        url,
        { method: init.method ?? "GET", headers: init.headers as OutgoingHttpHeaders, lookup },
        (incoming) => {
          incoming.resume();
          const code = incoming.statusCode ?? 599;
          resolve(new Response(null, { status: code >= 200 && code <= 599 ? code : 599 }));
        },
      );
      const onAbort = () => outgoing.destroy(signal?.reason as Error);
      signal?.addEventListener("abort", onAbort, { once: true });
      outgoing.on("error", (error) => reject(signal?.aborted ? signal.reason : error));
      outgoing.on("close", () => signal?.removeEventListener("abort", onAbort));
      outgoing.end(typeof init.body === "string" ? init.body : undefined);
    });
  }) as typeof fetch;
}
