import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { embedProviderOf, type EmbedProvider } from "../../../src/content/embed-providers.ts";

/**
 * A bare URL of an allow-listed provider (content/embed-providers.ts: YouTube, X, Instagram,
 * TikTok) pasted on a line of its own becomes an embed block; any other pasted URL stays text and
 * becomes a link (TipTap's link paste rule, extensions.ts).
 */

/** The embed a pasted text stands for: one line, one URL the body schema accepts; else null. */
export function embedOfPastedText(text: string): { provider: EmbedProvider; url: string } | null {
  const url = text.trim().replace(/^http:\/\//i, "https://");
  if (url === "" || /\s/.test(url)) return null;
  const provider = embedProviderOf(url);
  return provider ? { provider, url } : null;
}

export const BareUrlEmbed = Extension.create({
  name: "bareUrlEmbed",
  // Before the link extension's own paste handling.
  priority: 1000,
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("bareUrlEmbed"),
        props: {
          handlePaste: (view, event) => {
            const embed = embedOfPastedText(event.clipboardData?.getData("text/plain") ?? "");
            if (!embed) return false;
            const { $from, $to } = view.state.selection;
            // On a line of its own: an empty paragraph, or the whole of one paragraph selected.
            const line = $from.parent;
            const ownLine =
              line.type.name === "paragraph" &&
              $from.sameParent($to) &&
              $from.parentOffset === 0 &&
              $to.parentOffset === line.content.size &&
              $from.depth === 1;
            if (!ownLine) return false;
            return editor
              .chain()
              .insertContentAt({ from: $from.before(), to: $from.after() }, [
                { type: "embed", attrs: { provider: embed.provider, url: embed.url, title: null } },
                { type: "paragraph" },
              ])
              .run();
          },
        },
      }),
    ];
  },
});
