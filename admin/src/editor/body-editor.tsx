import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import type { BodyDocument } from "../../../src/content/body.schema.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { bodyToDoc, docToBody, type PmNode } from "./body-mapping.ts";
import { bodyExtensions } from "./extensions.ts";
import { cleanPastedHtml } from "./paste-cleaning.ts";
import { RelatedDialog } from "./related-dialog.tsx";

/**
 * The story body: a TipTap editor whose nodes are the body schema's blocks (extensions.ts). It
 * reports every change as a body document; `resetKey` replaces its content (restore, merge).
 */
export function BodyEditor(props: {
  initial: BodyDocument;
  headlines: ReadonlyMap<number, string>;
  resetKey: number;
  editable: boolean;
  articleId: number | null;
  onChange(body: BodyDocument): void;
  onBlur(): void;
}) {
  const { t } = usePrefs();
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const onBlur = useRef(props.onBlur);
  onBlur.current = props.onBlur;
  const editor = useEditor({
    extensions: bodyExtensions(),
    content: bodyToDoc(props.initial, props.headlines),
    editable: props.editable,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": t("body"),
        class: "body-editor",
        spellcheck: "true",
        lang: "id",
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => onChange.current(docToBody(e.getJSON() as PmNode)),
    onBlur: () => onBlur.current(),
  });

  const lastReset = useRef(props.resetKey);
  useEffect(() => {
    if (lastReset.current === props.resetKey) return;
    lastReset.current = props.resetKey;
    const doc = bodyToDoc(props.initial, props.headlines);
    return whenMounted(editor, () => editor.commands.setContent(doc, { emitUpdate: false }));
  }, [editor, props.resetKey, props.initial, props.headlines]);

  useEffect(
    () =>
      whenMounted(
        editor,
        () => editor.isEditable !== props.editable && editor.setEditable(props.editable, false),
      ),
    [editor, props.editable],
  );

  useEffect(
    () => whenMounted(editor, () => editor.view.dom.setAttribute("aria-label", t("body"))),
    [editor, t],
  );

  return (
    <div className="body-field">
      {props.editable && <Toolbar editor={editor} articleId={props.articleId} />}
      <EditorContent editor={editor} />
    </div>
  );
}

/**
 * Runs `run` once the editor's view is mounted (TipTap mounts it after the first render, and its
 * view must not be touched before); returns the cleanup for useEffect.
 */
function whenMounted(editor: Editor, run: () => void): () => void {
  if (editor.isInitialized) {
    run();
    return () => undefined;
  }
  const once = () => run();
  editor.on("create", once);
  return () => {
    editor.off("create", once);
  };
}

function Toolbar(props: { editor: Editor; articleId: number | null }) {
  const { t } = usePrefs();
  const { editor } = props;
  const [relatedOpen, setRelatedOpen] = useState(false);
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
    }),
  });
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
      <button type="button" onClick={() => setRelatedOpen(true)}>
        {t("relatedInsert")}
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
      {relatedOpen && (
        <RelatedDialog
          articleId={props.articleId}
          text={editor.getText()}
          onClose={() => {
            setRelatedOpen(false);
            editor.commands.focus();
          }}
          onPick={(item) => {
            setRelatedOpen(false);
            editor
              .chain()
              .focus()
              .insertContent({ type: "related", attrs: { articleId: item.id, headline: item.headline } })
              .run();
          }}
        />
      )}
    </div>
  );
}
