import type { ExtractedArticle, ExtractedHero } from "../extracted-article.ts";
import { ImportError } from "../import-error.ts";
import { feedItemToArticle } from "./feed-article.ts";
import { attr, list, node, parseXml, textOf } from "./xml.ts";

/**
 * Atom 1.0: each `entry` becomes a published ExtractedArticle. Link is the `alternate` link
 * (else the `id` when it is a URL); body from `content` (html or text; xhtml is read as text),
 * else `summary`; authors from `author/name`; categories by `label` or `term`, the first one the
 * section; hero from an `enclosure` link to an image.
 */
export function parseAtom(text: string): ExtractedArticle[] {
  const feed = node(parseXml(text)["feed"]);
  if (feed === null) {
    throw new ImportError("unsupported_format", "Bukan umpan Atom: tidak ada <feed> (not an Atom feed).");
  }
  return list(feed["entry"]).flatMap((value) => {
    const entry = node(value);
    if (entry === null) return [];
    const links = list(entry["link"]);
    const alternate = links.find((link) => ["", "alternate"].includes(attr(link, "rel")));
    const id = textOf(entry["id"]);
    const image = links.find(
      (link) => attr(link, "rel") === "enclosure" && attr(link, "type").startsWith("image/"),
    );
    const hero: ExtractedHero | null =
      image === undefined ? null : { url: attr(image, "href"), caption: attr(image, "title"), credit: "" };
    return [
      feedItemToArticle({
        format: "atom",
        title: textOf(entry["title"]),
        html: textOf(entry["content"]),
        summary: textOf(entry["summary"]),
        link: alternate !== undefined ? attr(alternate, "href") : /^https?:\/\//iu.test(id) ? id : null,
        date: textOf(entry["published"]) || textOf(entry["updated"]),
        authors: list(entry["author"])
          .map((author) => textOf(node(author)?.["name"]))
          .filter((name) => name !== ""),
        categories: list(entry["category"])
          .map((category) => attr(category, "label") || attr(category, "term"))
          .filter((name) => name !== ""),
        tags: [],
        hero,
        status: "published",
      }),
    ];
  });
}
