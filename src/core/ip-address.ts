/**
 * IP addresses as 16 bytes (IPv4 as IPv4-mapped IPv6), what range they fall in, and how login
 * throttling groups clients. Pure; used by webhook target checks and login throttling.
 *
 * Input is an address as a URL parser or a resolver hands it over: dotted IPv4 (`127.0.0.1`) or
 * IPv6 (`::1`, `[::ffff:7f00:1]`, `fe80::1%eth0`). Legacy IPv4 spellings in URLs (`127.1`,
 * `0x7f.1`, `2130706433`) are normalised by WHATWG URL parsing before they get here.
 */
export type AddressRange =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "unique-local"
  | "unspecified"
  | "multicast"
  | "reserved";

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? bytes : null;
}

/** 16 bytes, or null when `text` is not an IP address. */
export function parseIp(text: string): Uint8Array | null {
  let value = text.trim().toLowerCase();
  if (value.startsWith("[") && value.endsWith("]")) value = value.slice(1, -1);
  const zone = value.indexOf("%");
  if (zone >= 0) value = value.slice(0, zone);
  const v4 = parseIpv4(value);
  if (v4) return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4]);
  if (!value.includes(":") || !/^[0-9a-f:.]+$/.test(value)) return null;
  // An embedded IPv4 tail (::ffff:127.0.0.1) becomes two hextets.
  const lastColon = value.lastIndexOf(":");
  const tail = value.slice(lastColon + 1);
  if (tail.includes(".")) {
    const t = parseIpv4(tail);
    if (!t) return null;
    value = `${value.slice(0, lastColon + 1)}${((t[0]! << 8) | t[1]!).toString(16)}:${((t[2]! << 8) | t[3]!).toString(16)}`;
  }
  const halves = value.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

function classifyIpv4(a: number, b: number, c: number, d: number): AddressRange {
  if (a === 127) return "loopback";
  if (a === 0) return b === 0 && c === 0 && d === 0 ? "unspecified" : "reserved";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // carrier-grade NAT
  if (a === 169 && b === 254) return "link-local";
  if (a >= 224 && a <= 239) return "multicast";
  if (a >= 240) return "reserved";
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return "reserved";
  if ((a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100)) return "reserved";
  if (a === 203 && b === 0 && c === 113) return "reserved";
  return "public";
}

/** Which range an address is in; IPv4 inside IPv6 (mapped, NAT64, 6to4) is judged as IPv4. */
export function classifyIp(bytes: Uint8Array): AddressRange {
  const v4 = (offset: number) =>
    classifyIpv4(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return v4(12);
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return v4(12); // NAT64
  if (startsWith(bytes, [0x20, 0x02])) return v4(2); // 6to4
  if (bytes.every((b, i) => (i === 15 ? b === 1 : b === 0))) return "loopback";
  if (bytes.every((b) => b === 0)) return "unspecified";
  // IPv4-compatible (deprecated ::a.b.c.d) addresses
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])) return "reserved";
  const first = bytes[0]!;
  const second = bytes[1]!;
  if (first === 0xfe && (second & 0xc0) === 0x80) return "link-local";
  if (first === 0xfe && (second & 0xc0) === 0xc0) return "private"; // site-local (deprecated)
  if ((first & 0xfe) === 0xfc) return "unique-local";
  if (first === 0xff) return "multicast";
  if (first === 0x20 && second === 0x01 && bytes[2] === 0x0d && bytes[3] === 0xb8) return "reserved";
  return "public";
}

/** True when `bytes` lies in `cidr` (`10.0.0.0/8`, `fd00::/8`, or a single address). */
export function inCidr(bytes: Uint8Array, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const network = parseIp(base ?? "");
  if (!network) return false;
  const isV4 = parseIpv4((base ?? "").trim()) !== null;
  let bits = bitsText === undefined ? 128 : Number(bitsText) + (isV4 ? 96 : 0);
  if (!Number.isInteger(bits) || bits < 0 || bits > 128) return false;
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i]! & mask) !== (network[i]! & mask)) return false;
  }
  return true;
}

/**
 * The key a client is throttled under: the IPv4 address itself, or the /64 of an IPv6 address
 * (one subscriber usually holds a whole /64 and can rotate through it at will).
 */
export function throttleKeyOf(ip: string): string {
  const bytes = parseIp(ip);
  if (!bytes) return ip;
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return [...bytes.slice(12)].join(".");
  const hextets: string[] = [];
  for (let i = 0; i < 8; i += 2) hextets.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return `${hextets.join(":")}::/64`;
}
