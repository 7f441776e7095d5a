import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useRef } from "react";
import type { BodyDocument } from "../../../src/content/body.schema.ts";
import { usePrefs } from "../lib/prefs.tsx";
import { bodyToDoc, docToBody, type ImagePreview, type PmNode } from "./body-mapping.ts";
import { Toolbar } from "./body-toolbar.tsx";
import { bodyExtensions } from "./extensions.ts";
import { cleanPastedHtml } from "./paste-cleaning.ts";

/**
 * The story body: a TipTap editor whose nodes are the body schema's blocks (extensions.ts). It
 * reports every change as a body document; `resetKey` replaces its content (restore, merge).
 */
export function BodyEditor(props: {
  initial: BodyDocument;
  headlines: ReadonlyMap<number, string>;
  images: ReadonlyMap<number, ImagePreview>;
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
    content: bodyToDoc(props.initial, props.headlines, props.images),
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
    const doc = bodyToDoc(props.initial, props.headlines, props.images);
    return whenMounted(editor, () => editor.commands.setContent(doc, { emitUpdate: false }));
  }, [editor, props.resetKey, props.initial, props.headlines, props.images]);

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
