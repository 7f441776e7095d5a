import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** The stylesheet, read once at boot; its URL carries a content hash so it can be cached forever. */
export interface Stylesheet {
  body: Buffer;
  url: string;
}

export function loadStylesheet(): Stylesheet {
  const body = readFileSync(new URL("./assets/warta.css", import.meta.url));
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return { body, url: `/aset/warta.${hash}.css` };
}
