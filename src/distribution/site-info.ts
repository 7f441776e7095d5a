import { readFileSync } from "node:fs";
import type { SiteInfo } from "./distribution.models.ts";

/** The publisher logo (generated from assets/warta-logo.svg; 192×192 PNG, as Google asks for). */
export const LOGO_PATH = "/aset/warta-logo.png";
export const LOGO_SIZE = 192;

export function siteInfo(config: { siteUrl: string; siteName: string }, description: string): SiteInfo {
  return {
    siteUrl: config.siteUrl,
    siteName: config.siteName,
    logoUrl: config.siteUrl + LOGO_PATH,
    logoWidth: LOGO_SIZE,
    logoHeight: LOGO_SIZE,
    description,
  };
}

export function loadLogo(): Buffer {
  return readFileSync(new URL("./assets/warta-logo.png", import.meta.url));
}
