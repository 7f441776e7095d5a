/**
 * Pasted HTML (Word, Google Docs, web pages) brought to the body schema's shapes before the editor
 * parses it: h1 becomes a level-2 heading and h5/h6 level 4, nested list items are lifted into their
 * list (the body has flat lists), and scripts, styles and Word's XML islands go. The editor's schema
 * (extensions.ts) then keeps only the allowed nodes and marks.
 */
export function cleanPastedDom(root: Element): void {
  const doc = root.ownerDocument;
  for (const junk of Array.from(root.querySelectorAll("script, style, meta, link, title, xml, o\\:p")))
    junk.remove();
  const rename = (selector: string, tag: string) => {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const replacement = doc.createElement(tag);
      while (el.firstChild) replacement.appendChild(el.firstChild);
      el.replaceWith(replacement);
    }
  };
  rename("h1", "h2");
  rename("h5, h6", "h4");
  // Innermost nested lists first: their items move up after the item that held them.
  const nested = Array.from(root.querySelectorAll("li ul, li ol")).reverse();
  for (const list of nested) {
    const holder = list.closest("li");
    if (!holder || !holder.parentNode) continue;
    let after: Element = holder;
    for (const item of Array.from(list.children)) {
      if (item.tagName.toLowerCase() !== "li") continue;
      after.after(item);
      after = item;
    }
    list.remove();
  }
}

/** The browser's paste hook (editorProps.transformPastedHTML). */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  cleanPastedDom(doc.body);
  return doc.body.innerHTML;
}
