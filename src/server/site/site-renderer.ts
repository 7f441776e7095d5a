import type { Deps } from "../../app/deps.ts";
import type { Article } from "../../core/article.ts";
import type { ArticlePageModel } from "../../db/read/reading.models.ts";
import { excerpt, renderBodyText } from "../../content/body-text.renderer.ts";
import { parsePageNumber, type SitePage } from "./site-page.ts";
import { layout, type PageHead, type SiteChrome } from "./views/layout.view.ts";
import { articleView, breadcrumbJsonLd, heroPreload } from "./views/article.view.ts";
import { IMAGE_SIZES, picturePreload } from "../../content/picture.ts";
import { esiInclude, latestAside } from "./views/components.view.ts";
import {
  articleContentKeys,
  articleKey,
  GLOBAL_KEYS,
  topicLabelKey,
  personKey,
  sectionKey,
  tagKey,
  TERBARU_SIZE,
  terbaruBlock,
} from "../../cache/purge-keys.ts";
import { errorTitle, errorView, homeView, personView, sectionView, tagView } from "./views/lists.view.ts";
import type { SafeHtml } from "../../content/html.ts";
import type { SiteAssets } from "./assets.ts";
import { sectionPath } from "../../core/urls.ts";
import { articleHead, homeHead, listHead } from "../../distribution/page-head.ts";
import { siteInfo } from "../../distribution/site-info.ts";
import { claimReviewHead } from "./views/fact-check.view.ts";
import { popularAside } from "./views/popular.view.ts";
import { liveBlogHead } from "./views/live-blog-head.ts";
import type { PopularList } from "../../services/reader/article-views.service.ts";
import { html } from "../../content/html.ts";
import { t } from "./messages.ts";
import { rt } from "./reader-messages.ts";
import type { NavItem } from "./views/layout.view.ts";

/** Where the read beacon of a story is sent (POST, answered 204). */
export const viewBeaconPath = (articleId: number): string => `/_tayang/${articleId}`;

/** The footer's links to the reader features. */
const FOOTER_NAV: NavItem[] = [
  { name: rt.index, url: "/indeks" },
  { name: rt.factCheck, url: "/cek-fakta" },
  { name: rt.topics, url: "/topik" },
];

/**
 * Turns a site request into a rendered page with its surrogate keys. Pure of HTTP: routes and
 * the page cache call it; tests can too.
 */
export function createSiteRenderer(deps: Deps, assets: SiteAssets) {
  const { reading, sections, config, clock } = deps;
  const site = siteInfo(config, t.siteTagline);

  async function chrome(): Promise<SiteChrome> {
    const directory = await sections.directory();
    const nav = directory.children(null).flatMap((section) => {
      const path = directory.pathOf(section.id);
      return path ? [{ name: section.name, url: sectionPath(path) }] : [];
    });
    return {
      siteName: config.siteName,
      siteUrl: config.siteUrl,
      stylesheet: assets.stylesheet.text,
      nav,
      footerNav: FOOTER_NAV,
    };
  }

  async function page(
    status: number,
    head: PageHead,
    content: SafeHtml,
    surrogateKeys: string[],
  ): Promise<SitePage> {
    return { status, html: layout(await chrome(), head, content), surrogateKeys };
  }

  /**
   * Terpopuler of the site or a section's subtree, and the keys of the stories it links to (a
   * withdrawn story leaves the pages showing it). The lists come from a cache of a few minutes
   * (services/reader/article-views.service.ts); a read never purges a page.
   */
  async function popular(
    sectionId: number | null,
    sectionName: string | null,
  ): Promise<{ html: SafeHtml; keys: string[] }> {
    const lists: PopularList[] = await deps.reader.views.popularBoth(sectionId).catch(() => []);
    const ids = new Set(lists.flatMap((list) => list.items.map((item) => item.id)));
    return { html: popularAside(lists, sectionName), keys: [...ids].map(articleKey) };
  }

  /** The article page of a model (the live page, or a preview of one). */
  async function articlePage(
    model: ArticlePageModel,
    options: { canInclude: boolean; preview: boolean },
  ): Promise<SitePage> {
    const { article } = model;
    // Berita Terkait, stored at publish (services/related-stories.service.ts); the page still
    // renders if that fails.
    model.moreLikeThis = await deps.relatedStories.forArticle(article.id, 5).catch(() => []);
    const block = terbaruBlock(article.id, model.newest, options.canInclude);
    const terbaru = block.kind === "include" ? esiInclude(block.src) : latestAside(block.items);
    model.factCheck = await deps.reader.factChecks.get(article.id);
    model.topics = await deps.reader.topics.refsOf(article.id);
    model.liveBlog = await deps.reader.liveBlogs.page(article.id);
    const root = model.path.ancestors[0] ?? model.path.section;
    const top = await popular(root.id, root.name);
    const keys = [
      ...(block.kind === "inline" ? block.keys : []),
      ...articleContentKeys({
        articleId: article.id,
        tagIds: article.tagIds,
        personIds: article.credits.map((c) => c.personId),
        linkedArticleIds: [...model.related.keys(), ...(model.moreLikeThis ?? []).map((item) => item.id)],
        mediaIds: model.media.keys(),
      }),
      ...top.keys,
      ...model.topics.map((topic) => topicLabelKey(topic.id)),
    ];
    const head: PageHead = {
      title: article.headline,
      noindex: options.preview,
      description: article.lede || excerpt(renderBodyText(article.body), 160),
      canonical: config.siteUrl + model.url,
      currentPath:
        "/" +
        model.path.ancestors
          .concat(model.path.section)
          .map((s) => s.slug)
          .join("/"),
      head: [
        heroPreload(model),
        breadcrumbJsonLd(model, config.siteUrl),
        articleHead(model, site),
        model.factCheck ? claimReviewHead(model, model.factCheck, site) : "",
        model.liveBlog ? liveBlogHead(model, model.liveBlog, site, assets.liveScript.url) : "",
        config.viewCounting === "beacon" && !options.preview
          ? html`<script src="${assets.viewBeacon.url}" defer data-view-beacon="${viewBeaconPath(article.id)}"></script>`
          : "",
      ],
    };
    const result = await page(
      200,
      head,
      articleView(model, html`<div class="side">${terbaru}${top.html}</div>`),
      [...new Set(keys)],
    );
    return block.kind === "include" ? { ...result, includes: true } : result;
  }

  async function error(status: number): Promise<SitePage> {
    return page(status, { title: errorTitle(status), noindex: true }, errorView(status), []);
  }

  return {
    error,
    /** Any page in the site layout (the search page, src/server/site/routes/search.routes.ts). */
    page,

    async home(): Promise<SitePage> {
      const model = await reading.home();
      const top = await popular(null, null);
      const keys = ["home", "latest", "sections", ...top.keys];
      const head = {
        title: config.siteName,
        description: rt.homeDescription,
        canonical: `${config.siteUrl}/`,
        head: [
          homeHead(site),
          model.lead?.image?.ref ? picturePreload(model.lead.image.ref, "hero", IMAGE_SIZES.lead) : "",
        ],
      };
      return page(200, head, homeView(model, top.html), keys);
    },

    async section(slugs: string[], halaman: unknown): Promise<SitePage> {
      const pageNumber = parsePageNumber(halaman);
      if (pageNumber === null) return error(400);
      const model = await reading.sectionPage(slugs, pageNumber);
      if (!model || (model.articles.items.length === 0 && model.articles.page > 1)) return error(404);
      // The list covers the whole subtree, and every article event purges all its ancestors'
      // keys, so the section's own key is enough; "sections" covers navigation and breadcrumb.
      const top = await popular(model.path.section.id, model.path.section.name);
      const keys = [GLOBAL_KEYS.sections, sectionKey(model.path.section.id), ...top.keys];
      const canonical =
        config.siteUrl +
        (model.articles.page > 1 ? `${model.url}?halaman=${model.articles.page}` : model.url);
      return page(
        200,
        {
          title: model.path.section.name,
          description: model.path.section.description || undefined,
          canonical,
          currentPath: model.url,
          head: listHead({ kind: "section", path: model.path }, site, {
            title: model.path.section.name,
            description: model.path.section.description || undefined,
            url: model.url,
          }),
        },
        sectionView(model, top.html),
        keys,
      );
    },

    /** TERBARU alone: the fragment article pages include (cache/purge-keys.ts `terbaruBlock`). */
    async terbaru(): Promise<SitePage> {
      return {
        status: 200,
        html: latestAside(await reading.latest(TERBARU_SIZE)),
        surrogateKeys: [GLOBAL_KEYS.latest],
      };
    },

    /**
     * The article, a 301 to its canonical URL when the path is outdated, or a 404. `canInclude`:
     * a cache in front composes edge-side includes (server/plugins/page-cache.plugin.ts).
     */
    async article(
      id: number,
      requestedPath: string,
      canInclude = false,
    ): Promise<SitePage | { redirect: string }> {
      const model = await reading.articlePage(id);
      if (!model) return error(404);
      if (decodeURI(requestedPath) !== model.url) return { redirect: model.url };
      return articlePage(model, { canInclude, preview: false });
    },

    /**
     * A story as its page would show it if it went live now (a draft, or a live story's staged
     * update): the same templates and parts, dated now unless already dated, `noindex`, no view
     * beacon, no edge-side include. For the newsroom's preview (api/preview.routes.ts); never cached.
     */
    async preview(article: Article): Promise<SitePage> {
      const live = article.publishedAt !== null && article.status === "published";
      const model = await reading.previewPage({
        ...article,
        publishedAt: article.publishedAt ?? clock(),
        updatedAt: live ? article.updatedAt : null,
      });
      if (!model) return error(404);
      return articlePage(model, { canInclude: false, preview: true });
    },

    async tag(slug: string, halaman: unknown): Promise<SitePage> {
      const pageNumber = parsePageNumber(halaman);
      if (pageNumber === null) return error(400);
      const model = await reading.tagPage(slug, pageNumber);
      if (!model || (model.articles.items.length === 0 && model.articles.page > 1)) return error(404);
      return page(
        200,
        {
          title: `Tag: ${model.tag.name}`,
          canonical: config.siteUrl + model.url,
          head: listHead({ kind: "tag", slug: model.tag.slug }, site, {
            title: `Tag: ${model.tag.name}`,
            url: model.url,
          }),
        },
        tagView(model),
        [tagKey(model.tag.id), GLOBAL_KEYS.sections],
      );
    },

    async person(slug: string, halaman: unknown): Promise<SitePage> {
      const pageNumber = parsePageNumber(halaman);
      if (pageNumber === null) return error(400);
      const model = await reading.personPage(slug, pageNumber);
      if (!model || (model.articles.items.length === 0 && model.articles.page > 1)) return error(404);
      return page(
        200,
        {
          title: model.person.name,
          description: model.person.bio || undefined,
          canonical: config.siteUrl + model.url,
          head: listHead({ kind: "person", slug: model.person.slug }, site, {
            title: model.person.name,
            description: model.person.bio || undefined,
            url: model.url,
          }),
        },
        personView(model),
        [personKey(model.person.id), GLOBAL_KEYS.sections],
      );
    },
  };
}

export type SiteRenderer = ReturnType<typeof createSiteRenderer>;
