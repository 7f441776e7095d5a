/**
 * The Content-Security-Policy of each area of the site, in one place so it is easy to adjust.
 * Strict everywhere: no inline script, no eval, no plugins, no framing, no <base> tricks.
 *
 * - site: server-rendered pages. The stylesheet is inlined (allowed by its hash), scripts are
 *   external files from the site itself (progressive enhancement), JSON-LD is a data block.
 * - docs: the API reference page (/api/v1/docs); its small inline stylesheet by hash.
 * - admin: the React/Vite SPA at /admin: its own hashed script and style files; editors' inline
 *   `style` attributes (text alignment, image sizes) are allowed, scripts never inline.
 * - api: JSON and problem+json; nothing in it may load or frame anything.
 * - preview: the newsroom's preview of a story (GET /api/v1/articles/:id/preview) is a site page,
 *   so it gets the site's policy.
 */
export type SecurityArea = "site" | "docs" | "admin" | "api" | "preview";

export interface PolicyInputs {
  /** `'sha256-…'` sources of the site's inline stylesheet. */
  siteStyleHashes: readonly string[];
  /** `'sha256-…'` sources of the docs page's inline stylesheet. */
  docsStyleHashes: readonly string[];
}

const COMMON = ["base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'"];

export function contentSecurityPolicy(area: SecurityArea, inputs: PolicyInputs): string {
  const directives: Record<Exclude<SecurityArea, "preview">, string[]> = {
    site: [
      "default-src 'none'",
      "script-src 'self'",
      `style-src 'self' ${inputs.siteStyleHashes.join(" ")}`.trim(),
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "manifest-src 'self'",
      // The body's YouTube embeds (content/body-html.renderer.ts) play from the privacy-enhanced host.
      "frame-src https://www.youtube-nocookie.com",
    ],
    docs: [
      "default-src 'none'",
      `style-src ${inputs.docsStyleHashes.join(" ") || "'none'"}`,
      "img-src 'self' data:",
    ],
    admin: [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
    ],
    api: ["default-src 'none'"],
  };
  return [...directives[area === "preview" ? "site" : area], ...COMMON].join("; ");
}

/** Which area a request path belongs to. */
export function areaOf(path: string): SecurityArea {
  if (path === "/api/v1/docs" || path === "/api/v1/docs/") return "docs";
  if (/^\/api\/v1\/articles\/\d+\/preview\/?$/.test(path)) return "preview";
  if (path === "/api" || path.startsWith("/api/")) return "api";
  if (path === "/admin" || path.startsWith("/admin/")) return "admin";
  return "site";
}

/** Headers every response carries, whatever its area. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
};
