import type { ExtractedArticle, ExtractedHero } from "../extracted-article.ts";
import { ImportError } from "../import-error.ts";
import { feedItemToArticle, plainText } from "./feed-article.ts";
import { attr, list, node, parseXml, textOf, type XmlNode } from "./xml.ts";

const metaValue = (item: XmlNode, key: string): string =>
  textOf(
    node(list(item["wp:postmeta"]).find((meta) => textOf(node(meta)?.["wp:meta_key"]) === key))?.[
      "wp:meta_value"
    ],
  );

/**
 * WordPress WXR export: every `item` with `wp:post_type` "post" becomes an ExtractedArticle with
 * status "published" for `wp:status` publish and "draft" for anything else (draft, pending, future,
 * private). Dates from `wp:post_date_gmt` (UTC); authors are `dc:creator` logins mapped to
 * `wp:author_display_name`; `category` elements with domain="category" are sections (the first is
 * the section, the rest tags) and domain="post_tag" are tags; the hero is the attachment named by
 * the `_thumbnail_id` postmeta (its `wp:attachment_url`, caption from its excerpt).
 */
export function parseWxr(text: string): ExtractedArticle[] {
  const channel = node(node(parseXml(text)["rss"])?.["channel"]);
  if (channel === null) {
    throw new ImportError("unsupported_format", "Bukan ekspor WordPress WXR (not a WordPress WXR export).");
  }
  const displayNames = new Map<string, string>();
  for (const author of list(channel["wp:author"])) {
    const record = node(author) ?? {};
    const login = textOf(record["wp:author_login"]);
    const display = textOf(record["wp:author_display_name"]);
    if (login !== "" && display !== "") displayNames.set(login, display);
  }
  const items = list(channel["item"]).flatMap((value) => (node(value) === null ? [] : [value as XmlNode]));
  const attachments = new Map<string, XmlNode>();
  for (const item of items) {
    if (textOf(item["wp:post_type"]) === "attachment") attachments.set(textOf(item["wp:post_id"]), item);
  }

  return items
    .filter((item) => textOf(item["wp:post_type"]) === "post")
    .map((item) => {
      const categories = list(item["category"]);
      const byDomain = (domain: string): string[] =>
        categories
          .filter((category) => attr(category, "domain") === domain)
          .map(textOf)
          .filter((name) => name !== "");
      const gmt = textOf(item["wp:post_date_gmt"]);
      return feedItemToArticle({
        format: "wxr",
        title: textOf(item["title"]),
        html: wpautop(textOf(item["content:encoded"])),
        summary: textOf(item["excerpt:encoded"]),
        link: textOf(item["link"]) || null,
        date: gmt,
        assumeUtc: true,
        authors: list(item["dc:creator"])
          .map(textOf)
          .filter((login) => login !== "")
          .map((login) => displayNames.get(login) ?? login),
        categories: byDomain("category"),
        tags: byDomain("post_tag"),
        hero: featuredImage(item, attachments),
        status: textOf(item["wp:status"]) === "publish" ? "published" : "draft",
      });
    });
}

function featuredImage(item: XmlNode, attachments: ReadonlyMap<string, XmlNode>): ExtractedHero | null {
  const attachment = attachments.get(metaValue(item, "_thumbnail_id"));
  if (attachment === undefined) return null;
  const url = textOf(attachment["wp:attachment_url"]) || textOf(attachment["guid"]);
  const caption = plainText(textOf(attachment["excerpt:encoded"]));
  return url === "" ? { caption, credit: "" } : { url, caption, credit: "" };
}

/** WordPress stores classic paragraphs as blank-line-separated text; wrap loose chunks in `<p>`. */
function wpautop(html: string): string {
  return html
    .split(/\n\s*\n/u)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== "")
    .map((chunk) =>
      /^<(p|h[1-6]|ul|ol|blockquote|figure|div|table|pre|!--)[\s>]/iu.test(chunk) ? chunk : `<p>${chunk}</p>`,
    )
    .join("\n");
}
