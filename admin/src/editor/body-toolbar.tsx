import { useEditorState, type Editor } from "@tiptap/react";
import { useState } from "react";
import { usePrefs } from "../lib/prefs.tsx";
import { EmbedDialog } from "./embed-dialog.tsx";
import { ImageDialog } from "./image-dialog.tsx";
import { RelatedDialog } from "./related-dialog.tsx";

type Opened = "related" | "image" | "embed" | null;

/**
 * The body editor's toolbar: marks, headings, quote (with its attribution), lists, and the atoms
 * Baca Juga, photo and embed (each from its dialog). A selected photo shows its caption and credit
 * fields here, as a selected quote shows its attribution.
 */
export function Toolbar(props: { editor: Editor; articleId: number | null }) {
  const { t } = usePrefs();
  const { editor } = props;
  const [opened, setOpened] = useState<Opened>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      link: e.isActive("link"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      quote: e.isActive("blockquote"),
      attribution: (e.getAttributes("blockquote").attribution as string | null) ?? "",
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      image: e.isActive("image"),
      imageCaption: (e.getAttributes("image").caption as string | null) ?? "",
      imageCredit: (e.getAttributes("image").credit as string | null) ?? "",
    }),
  });
  const close = () => {
    setOpened(null);
    editor.commands.focus();
  };
  /**
   * An atom (Baca Juga, photo, embed) at the cursor, with an empty paragraph after it so the
   * cursor leaves the atom (typing, or the next insertion, then never replaces it). An empty
   * paragraph is not saved (body-mapping.ts).
   */
  const insert = (node: { type: string; attrs: object }) => {
    setOpened(null);
    editor
      .chain()
      .focus()
      .insertContent([node, { type: "paragraph" }])
      .run();
  };
  const button = (label: string, active: boolean, run: () => void, shortcut?: string) => (
    <button
      type="button"
      aria-pressed={active}
      title={shortcut ? `${label} (${shortcut})` : label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div role="toolbar" aria-label={t("toolbar")} className="toolbar">
      {button(t("bold"), state.bold, () => editor.chain().focus().toggleBold().run(), "Ctrl+B")}
      {button(t("italic"), state.italic, () => editor.chain().focus().toggleItalic().run(), "Ctrl+I")}
      {button(t("link"), state.link, () => {
        if (state.link) {
          editor.chain().focus().unsetLink().run();
          return;
        }
        const href = window.prompt(t("linkPrompt"), "https://");
        if (href && /^(https?:\/\/|\/(?!\/)|mailto:)/i.test(href.trim()))
          editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
      })}
      {button(t("heading2"), state.h2, () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
      {button(t("heading3"), state.h3, () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
      {button(t("quote"), state.quote, () =>
        state.quote
          ? editor.chain().focus().setParagraph().run()
          : editor.chain().focus().setNode("blockquote").run(),
      )}
      {button(t("bulletList"), state.bullet, () => editor.chain().focus().toggleBulletList().run())}
      {button(t("orderedList"), state.ordered, () => editor.chain().focus().toggleOrderedList().run())}
      <button type="button" onClick={() => setOpened("related")}>
        {t("relatedInsert")}
      </button>
      <button type="button" onClick={() => setOpened("image")}>
        {t("imageInsert")}
      </button>
      <button type="button" onClick={() => setOpened("embed")}>
        {t("embedInsert")}
      </button>
      {state.quote && (
        <label className="attribution">
          {t("attribution")}
          <input
            value={state.attribution}
            onChange={(e) =>
              editor.commands.updateAttributes("blockquote", { attribution: e.target.value || null })
            }
          />
        </label>
      )}
      {state.image && (
        <>
          <label className="attribution">
            {t("imageBodyCaption")}
            <input
              value={state.imageCaption}
              onChange={(e) => editor.commands.updateAttributes("image", { caption: e.target.value || null })}
            />
          </label>
          <label className="attribution">
            {t("imageBodyCredit")}
            <input
              value={state.imageCredit}
              onChange={(e) => editor.commands.updateAttributes("image", { credit: e.target.value || null })}
            />
          </label>
        </>
      )}
      {opened === "related" && (
        <RelatedDialog
          articleId={props.articleId}
          text={editor.getText()}
          onClose={close}
          onPick={(item) =>
            insert({ type: "related", attrs: { articleId: item.id, headline: item.headline } })
          }
        />
      )}
      {opened === "image" && (
        <ImageDialog onClose={close} onInsert={(attrs) => insert({ type: "image", attrs })} />
      )}
      {opened === "embed" && (
        <EmbedDialog onClose={close} onInsert={(attrs) => insert({ type: "embed", attrs })} />
      )}
    </div>
  );
}
