import { mergeAttributes, Node, type Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { BareUrlEmbed } from "./bare-url-embed.ts";

/**
 * The editor's schema: exactly the body schema's blocks and marks (see body-mapping.ts). Everything
 * else StarterKit offers (code, strike, underline, rules, hard breaks, nested lists) is off, so a
 * paste from Word, Google Docs or a web page is parsed into these nodes and nothing else.
 */

/** A list item holds one paragraph: the body's list items are single runs of inline text. */
const ListItem = Node.create({
  name: "listItem",
  content: "paragraph",
  defining: true,
  parseHTML: () => [{ tag: "li" }],
  renderHTML: ({ HTMLAttributes }) => ["li", mergeAttributes(HTMLAttributes), 0],
  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      "Shift-Tab": () => this.editor.commands.liftListItem(this.name),
    };
  },
});

/** A quotation: inline text and who said it (shown under the quote, edited in the toolbar). */
const Quote = Node.create({
  name: "blockquote",
  group: "block",
  content: "inline*",
  defining: true,
  addAttributes: () => ({
    attribution: {
      default: null,
      parseHTML: (el: HTMLElement) =>
        el.getAttribute("data-attribution") ?? el.querySelector("cite, footer")?.textContent?.trim() ?? null,
      renderHTML: (attrs: Record<string, unknown>) =>
        attrs.attribution ? { "data-attribution": String(attrs.attribution) } : {},
    },
  }),
  parseHTML: () => [{ tag: "blockquote", contentElement: (el: HTMLElement) => el.querySelector("p") ?? el }],
  renderHTML: ({ HTMLAttributes }) => ["blockquote", mergeAttributes(HTMLAttributes), ["p", 0]],
});

const atom = { group: "block", atom: true, selectable: true, draggable: true } as const;

/** "Baca Juga": a link to another story by id (the headline is only shown). */
const Related = Node.create({
  name: "related",
  ...atom,
  addAttributes: () => ({
    articleId: { default: null, parseHTML: (el: HTMLElement) => Number(el.dataset.articleId) || null },
    pendingHeadline: { default: null },
    headline: { default: null },
  }),
  parseHTML: () => [{ tag: "aside[data-related]" }],
  renderHTML: ({ node }) => [
    "aside",
    { "data-related": "", "data-article-id": String(node.attrs.articleId ?? ""), class: "baca-juga" },
    `Baca Juga: ${node.attrs.headline ?? node.attrs.pendingHeadline ?? `#${node.attrs.articleId}`}`,
  ],
});

/**
 * A photo from the media library, with caption and credit (saved in the body) and the picture
 * itself with its alt text (looked up by id, shown only; the alt text belongs to the library entry).
 */
const Image = Node.create({
  name: "image",
  ...atom,
  addAttributes: () => ({
    mediaId: { default: null },
    caption: { default: null },
    credit: { default: null },
    src: { default: null },
    alt: { default: null },
  }),
  parseHTML: () => [
    {
      tag: "figure[data-media-id]",
      getAttrs: (el: HTMLElement) => ({ mediaId: Number(el.dataset.mediaId) }),
    },
  ],
  renderHTML: ({ node }) => {
    const caption = [node.attrs.caption, node.attrs.credit ? `(${node.attrs.credit})` : null]
      .filter(Boolean)
      .join(" ");
    const figcaption = ["figcaption", `Foto #${node.attrs.mediaId}: ${caption}`] as const;
    return node.attrs.src
      ? [
          "figure",
          { "data-media-id": String(node.attrs.mediaId), class: "body-image" },
          ["img", { src: String(node.attrs.src), alt: String(node.attrs.alt ?? ""), width: "320" }],
          figcaption,
        ]
      : ["figure", { "data-media-id": String(node.attrs.mediaId), class: "body-image" }, figcaption];
  },
});

/**
 * A photo an import found at a remote URL, still being fetched: kept in place (with its caption
 * and credit) so the fetch can put the photo there; readers see nothing until then.
 */
const PendingImage = Node.create({
  name: "pendingImage",
  ...atom,
  addAttributes: () => ({ url: { default: null }, caption: { default: null }, credit: { default: null } }),
  parseHTML: () => [{ tag: "figure[data-pending-image]" }],
  renderHTML: ({ node }) => [
    "figure",
    { "data-pending-image": "", class: "body-image" },
    [
      "figcaption",
      `Gambar sedang diunduh dari ${node.attrs.url}${node.attrs.caption ? `: ${node.attrs.caption}` : ""}`,
    ],
  ],
});

/** An allow-listed embed (YouTube, X, Instagram, TikTok): shown as its provider, title and URL. */
const Embed = Node.create({
  name: "embed",
  ...atom,
  addAttributes: () => ({ provider: { default: null }, url: { default: null }, title: { default: null } }),
  // The URL and title travel in data attributes, so an embed copied and pasted keeps them.
  parseHTML: () => [
    {
      tag: "div[data-embed]",
      getAttrs: (el: HTMLElement) => ({
        provider: el.dataset.embed || null,
        url: el.dataset.url || null,
        title: el.dataset.title || null,
      }),
    },
  ],
  renderHTML: ({ node }) => [
    "div",
    {
      "data-embed": String(node.attrs.provider),
      "data-url": String(node.attrs.url ?? ""),
      ...(node.attrs.title ? { "data-title": String(node.attrs.title) } : {}),
      class: "body-embed",
    },
    `Sematan ${node.attrs.provider}: ${node.attrs.title ? `${node.attrs.title} — ` : ""}${node.attrs.url}`,
  ],
});

export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      blockquote: false,
      listItem: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      hardBreak: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ["http", "https", "mailto"],
        isAllowedUri: (url: string) => /^(https?:\/\/|\/(?!\/)|mailto:)/i.test(url),
        HTMLAttributes: { rel: "noopener", target: null },
      },
    }),
    ListItem,
    Quote,
    Related,
    Image,
    PendingImage,
    Embed,
    BareUrlEmbed,
  ];
}
