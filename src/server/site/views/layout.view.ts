import { html, trusted, type HtmlValue, type SafeHtml } from "../../../content/html.ts";
import { t } from "../messages.ts";
import { rt } from "../reader-messages.ts";

export interface NavItem {
  name: string;
  url: string;
}

export interface SiteChrome {
  siteName: string;
  siteUrl: string;
  /** The stylesheet's text, inlined: the first paint needs no other request. */
  stylesheet: string;
  nav: NavItem[];
  /** Links in the footer (Indeks, Cek Fakta, Topik Pilihan…). */
  footerNav: NavItem[];
}

export interface PageHead {
  title: string;
  description?: string;
  /** Absolute canonical URL. */
  canonical?: string;
  /** Extra `<head>` markup: JSON-LD, feed links, social cards. */
  head?: HtmlValue;
  /** Path of the current section, to mark the nav item. */
  currentPath?: string;
  noindex?: boolean;
  /** External scripts (progressive enhancement only; never inline, for a strict CSP). */
  scripts?: string[];
}

function navigation(chrome: SiteChrome, currentPath: string | undefined): SafeHtml {
  const items = chrome.nav.map((item) => {
    const current =
      currentPath !== undefined && (currentPath === item.url || currentPath.startsWith(`${item.url}/`));
    return html`<li><a href="${item.url}"${current ? html` aria-current="page"` : ""}>${item.name}</a></li>`;
  });
  return html`<nav class="nav" aria-label="${t.mainNav}"><ul>${items}</ul></nav>`;
}

function footerNavigation(items: readonly NavItem[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<nav aria-label="${rt.footerNav}"><ul class="footer-nav">${items.map((item) => html`<li><a href="${item.url}">${item.name}</a></li>`)}</ul></nav>`;
}

const searchForm = html`<form class="search-form" role="search" action="/cari" method="get"><label class="visually-hidden" for="q">${t.search}</label><input id="q" name="q" type="search" placeholder="${t.searchPlaceholder}"><button type="submit">${t.search}</button></form>`;

/** The "W." mark as an inline SVG: no extra request, nothing for browsers to fetch and miss. */
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">W</text></svg>',
  );

export function layout(chrome: SiteChrome, page: PageHead, content: SafeHtml): SafeHtml {
  const fullTitle = page.title === chrome.siteName ? page.title : `${page.title} - ${chrome.siteName}`;
  return html`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ""}
${page.canonical ? html`<link rel="canonical" href="${page.canonical}">` : ""}
${page.noindex ? html`<meta name="robots" content="noindex">` : ""}
<style>${trusted(chrome.stylesheet)}</style>
<link rel="icon" href="${FAVICON}">
${page.head}
${(page.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#isi">${t.skipToContent}</a>
<header class="site-header"><div class="wrap">
<a class="brand" href="/">${chrome.siteName}<span>.</span></a>
${navigation(chrome, page.currentPath)}
${searchForm}
</div></header>
<main id="isi"><div class="wrap">
${content}
</div></main>
<footer class="site-footer"><div class="wrap">${footerNavigation(chrome.footerNav)}<p>${t.footer}</p></div></footer>
</body>
</html>`;
}
