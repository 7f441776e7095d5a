/**
 * Caption, creator, credit and keywords embedded in a photo (IPTC-IIM and XMP), read to prefill the
 * library's fields. Pure: takes the raw blocks sharp reports (`metadata().iptc`, `.xmp`).
 */
export interface EmbeddedMetadata {
  caption: string;
  creator: string;
  credit: string;
  keywords: string[];
}

const MAX_FIELD = 2000;

/** IPTC-IIM datasets of record 2: 2:25 keywords, 2:80 by-line, 2:110 credit, 2:115 source, 2:120 caption. */
export function readIptc(block: Uint8Array | undefined): Partial<EmbeddedMetadata> & { source?: string } {
  if (!block) return {};
  const out: { caption?: string; creator?: string; credit?: string; source?: string; keywords: string[] } = {
    keywords: [],
  };
  const decoder = new TextDecoder("utf-8", { fatal: false });
  // Datasets may sit inside a Photoshop 8BIM resource: scan for tag markers (0x1C 0x02 NN).
  for (let at = 0; at + 5 <= block.length;) {
    if (block[at] !== 0x1c || block[at + 1] !== 0x02) {
      at++;
      continue;
    }
    const dataset = block[at + 2] as number;
    const length = ((block[at + 3] as number) << 8) | (block[at + 4] as number);
    if (length & 0x8000 || at + 5 + length > block.length) {
      at++;
      continue;
    }
    const value = decoder.decode(block.subarray(at + 5, at + 5 + length)).trim();
    at += 5 + length;
    if (value === "") continue;
    if (dataset === 25) out.keywords.push(value);
    else if (dataset === 80) out.creator = out.creator ? `${out.creator}, ${value}` : value;
    else if (dataset === 110) out.credit = value;
    else if (dataset === 115) out.source = value;
    else if (dataset === 120) out.caption = value;
  }
  return out;
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&")
    .trim();

/** The `rdf:li` items of an element (`dc:creator`, `dc:subject`, `dc:description`), or its text. */
function xmpValues(xmp: string, name: string): string[] {
  const escaped = name.replace(":", "\\:");
  const element = new RegExp(`<${escaped}(?:\\s[^>]*)?>([\\s\\S]*?)</${escaped}>`).exec(xmp);
  if (element) {
    const inner = element[1] ?? "";
    const items = [...inner.matchAll(/<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/g)].map((m) =>
      decodeXml(m[1] ?? ""),
    );
    return (items.length > 0 ? items : [decodeXml(inner)]).filter((v) => v !== "");
  }
  const attribute = new RegExp(`\\s${escaped}="([^"]*)"`).exec(xmp);
  return attribute ? [decodeXml(attribute[1] ?? "")].filter((v) => v !== "") : [];
}

export function readXmp(block: Uint8Array | undefined): Partial<EmbeddedMetadata> {
  if (!block) return {};
  const xmp = new TextDecoder("utf-8", { fatal: false }).decode(block);
  const caption = xmpValues(xmp, "dc:description")[0];
  const creator = xmpValues(xmp, "dc:creator");
  const credit = xmpValues(xmp, "photoshop:Credit")[0];
  const keywords = xmpValues(xmp, "dc:subject");
  return {
    ...(caption ? { caption } : {}),
    ...(creator.length > 0 ? { creator: creator.join(", ") } : {}),
    ...(credit ? { credit } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
  };
}

/** IPTC first (what newsroom tools write), XMP filling the gaps; credit falls back to the source. */
export function readEmbeddedMetadata(iptcBlock?: Uint8Array, xmpBlock?: Uint8Array): EmbeddedMetadata {
  const iptc = readIptc(iptcBlock);
  const xmp = readXmp(xmpBlock);
  const clip = (value: string | undefined, max = MAX_FIELD) => (value ?? "").slice(0, max);
  const keywords = [...new Set([...(iptc.keywords ?? []), ...(xmp.keywords ?? [])])]
    .map((k) => k.slice(0, 100))
    .slice(0, 50);
  return {
    caption: clip(iptc.caption ?? xmp.caption),
    creator: clip(iptc.creator ?? xmp.creator, 300),
    credit: clip(iptc.credit ?? xmp.credit ?? iptc.source, 300),
    keywords,
  };
}
