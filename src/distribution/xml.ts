/**
 * Escape-by-default XML, like content/html.ts for HTML: every interpolated value is escaped unless
 * it is already `SafeXml` (the output of another `xml` template). Characters XML 1.0 forbids
 * (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF) are dropped, so no
 * stored text can make a feed or sitemap unparseable.
 */
export class SafeXml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type XmlValue = SafeXml | string | number | null | undefined | false | readonly XmlValue[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

// Removing exactly the characters XML 1.0 forbids.
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that may not appear in an XML 1.0 document. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, "");
}

/** Escapes text for XML content and attribute values (both quote kinds). */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

function render(value: XmlValue): string {
  if (value instanceof SafeXml) return value.value;
  if (value === null || value === undefined || value === false) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeXml(value);
  let out = "";
  for (const item of value) out += render(item);
  return out;
}

export function xml(strings: TemplateStringsArray, ...values: XmlValue[]): SafeXml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i] as XmlValue) + (strings[i + 1] ?? "");
  return new SafeXml(out);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A complete document: the declaration and the root element. */
export function xmlDocument(root: SafeXml): string {
  return XML_DECLARATION + root.value + "\n";
}

/**
 * Text as a CDATA section (for HTML in `content:encoded`). `]]>` inside is split across two
 * sections, so no text can end the section early; forbidden characters are dropped.
 */
export function cdata(text: string): SafeXml {
  return new SafeXml(`<![CDATA[${stripInvalidXmlChars(text).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`);
}
