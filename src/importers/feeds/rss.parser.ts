import type { ExtractedArticle, ExtractedHero } from "../extracted-article.ts";
import { ImportError } from "../import-error.ts";
import { feedItemToArticle, plainText } from "./feed-article.ts";
import { attr, list, node, parseXml, textOf, type XmlNode } from "./xml.ts";

/** The item's link, else a guid that is a URL. */
export function rssLink(item: XmlNode): string | null {
  const link = textOf(item["link"]);
  if (link !== "") return link;
  const guid = textOf(item["guid"]);
  return /^https?:\/\//iu.test(guid) ? guid : null;
}

/** The lead image: `media:content` (image), then `media:thumbnail`, then an image `enclosure`. */
export function rssHero(item: XmlNode): ExtractedHero | null {
  const media = list(item["media:content"]).find((content) => {
    const medium = attr(content, "medium");
    const type = attr(content, "type");
    return medium === "image" || type.startsWith("image/") || (medium === "" && type === "");
  });
  if (media !== undefined) {
    const url = attr(media, "url");
    const record = node(media) ?? {};
    const hero: ExtractedHero = {
      caption: plainText(textOf(record["media:description"]) || textOf(record["media:title"])),
      credit: textOf(record["media:credit"]),
    };
    return url === "" ? hero : { url, ...hero };
  }
  const thumbnail = attr(list(item["media:thumbnail"])[0], "url");
  if (thumbnail !== "") return { url: thumbnail, caption: "", credit: "" };
  const enclosure = list(item["enclosure"]).find((e) => attr(e, "type").startsWith("image/"));
  return enclosure === undefined ? null : { url: attr(enclosure, "url"), caption: "", credit: "" };
}

/**
 * RSS 2.0: each `item` becomes a published ExtractedArticle. Body from `content:encoded` (else
 * `description`), authors from `dc:creator` (else `author`), the first `category` is the section
 * and the others are tags, hero from `media:content` with `media:description`/`media:credit`.
 */
export function parseRss(text: string): ExtractedArticle[] {
  const channel = node(node(parseXml(text)["rss"])?.["channel"]);
  if (channel === null) {
    throw new ImportError(
      "unsupported_format",
      "Bukan umpan RSS 2.0: tidak ada <rss><channel> (not an RSS 2.0 feed).",
    );
  }
  return list(channel["item"]).flatMap((value) => {
    const item = node(value);
    if (item === null) return [];
    const creators = list(item["dc:creator"]).map(textOf);
    const author = textOf(item["author"]).replace(/^\S+@\S+\s*\((.+)\)$/u, "$1");
    return [
      feedItemToArticle({
        format: "rss",
        title: textOf(item["title"]),
        html: textOf(item["content:encoded"]),
        summary: textOf(item["description"]),
        link: rssLink(item),
        date: textOf(item["pubDate"]) || textOf(item["dc:date"]),
        authors: creators.length > 0 ? creators.filter((name) => name !== "") : author === "" ? [] : [author],
        categories: list(item["category"])
          .map(textOf)
          .filter((name) => name !== ""),
        tags: [],
        hero: rssHero(item),
        status: "published",
      }),
    ];
  });
}
