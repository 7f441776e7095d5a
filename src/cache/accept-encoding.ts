/** The encodings the page cache keeps for every page, best first. */
export type Encoding = "br" | "gzip" | "identity";

/**
 * Picks the best encoding a client accepts: br > gzip > identity, honouring q-values (`q=0`
 * refuses), `*` and `identity;q=0`. Returns null when nothing acceptable is left (a 406 case; the
 * cache then falls back to identity, as most servers do).
 */
export function negotiateEncoding(header: string | undefined): Encoding | null {
  if (header === undefined || header === "") return "identity";
  let br = -1;
  let gzip = -1;
  let identity = -1;
  let star = -1;
  for (const part of header.split(",")) {
    const [rawName = "", ...params] = part.split(";");
    const name = rawName.trim().toLowerCase();
    if (name === "") continue;
    let q = 1;
    for (const param of params) {
      const [k = "", v = ""] = param.split("=");
      if (k.trim().toLowerCase() === "q") {
        const parsed = Number(v.trim());
        q = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0;
      }
    }
    if (name === "br") br = Math.max(br, q);
    else if (name === "gzip" || name === "x-gzip") gzip = Math.max(gzip, q);
    else if (name === "identity") identity = Math.max(identity, q);
    else if (name === "*") star = Math.max(star, q);
  }
  if (br < 0) br = star >= 0 ? star : 0;
  if (gzip < 0) gzip = star >= 0 ? star : 0;
  // identity is acceptable unless refused explicitly (or by `*;q=0` without an identity entry).
  if (identity < 0) identity = star === 0 ? 0 : 0.001;
  const best = Math.max(br, gzip, identity);
  if (best <= 0) return null;
  if (br === best) return "br";
  if (gzip === best) return "gzip";
  return "identity";
}

/**
 * The hit path sees the same handful of Accept-Encoding strings over and over: remember the
 * answer for each (bounded, so hostile headers cannot grow it).
 */
export function createEncodingNegotiator(limit = 256): (header: string | undefined) => Encoding {
  const memo = new Map<string, Encoding>();
  return (header) => {
    if (header === undefined) return "identity";
    let found = memo.get(header);
    if (found === undefined) {
      found = negotiateEncoding(header) ?? "identity";
      if (memo.size >= limit) memo.clear();
      memo.set(header, found);
    }
    return found;
  };
}
