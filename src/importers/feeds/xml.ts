import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportError } from "../import-error.ts";

/** Elements that may repeat and are always read as arrays. */
const ARRAY_TAGS = new Set([
  "item",
  "entry",
  "category",
  "link",
  "author",
  "contributor",
  "dc:creator",
  "media:content",
  "media:thumbnail",
  "enclosure",
  "wp:postmeta",
  "wp:author",
  "wp:category",
  "wp:tag",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

export type XmlNode = Record<string, unknown>;

/** Validates and parses XML; invalid XML throws `ImportError("invalid_xml")` naming the line. */
export function parseXml(text: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, msg } = valid.err;
    throw new ImportError(
      "invalid_xml",
      `XML tidak sah di baris ${line}: ${msg} (invalid XML at line ${line}: ${msg})`,
    );
  }
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    // Well-formed but refused by the parser: external entities (never fetched), bad DOCTYPEs.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError("invalid_xml", `XML tidak didukung: ${reason} (unsupported XML: ${reason})`, {
      cause: error,
    });
  }
}

export const node = (value: unknown): XmlNode | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as XmlNode) : null;

export const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value];

/** Text of an element that may be a string or `{ "#text": ..., "@_attr": ... }`. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  const record = node(value);
  return record === null ? "" : textOf(record["#text"]);
}

export const attr = (value: unknown, name: string): string => textOf(node(value)?.[`@_${name}`]);
