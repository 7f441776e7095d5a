import { excerpt, renderBodyText } from "../../../content/body-text.renderer.ts";
import { html, type SafeHtml } from "../../../content/html.ts";
import type { ArticlePageModel, LiveBlogPageModel } from "../../../db/read/reading.models.ts";
import type { SiteInfo } from "../../../distribution/distribution.models.ts";
import { jsonLdScript } from "../../../distribution/json-ld.builder.ts";
import { liveBlogPostingJsonLd } from "../../../distribution/live-blog.builder.ts";

/**
 * A live blog's `<head>` additions: its LiveBlogPosting JSON-LD, and while it runs the small script
 * that shows new entries without a reload (an external file: the site's CSP allows only `'self'`).
 */
export function liveBlogHead(
  model: ArticlePageModel,
  live: LiveBlogPageModel,
  site: SiteInfo,
  scriptUrl: string,
): SafeHtml {
  const { article } = model;
  const jsonLd = jsonLdScript(
    liveBlogPostingJsonLd(
      live.blog,
      live.entries,
      live.media,
      {
        url: site.siteUrl + model.url,
        headline: article.headline,
        description: article.lede || excerpt(renderBodyText(article.body), 160),
        publishedAt: article.publishedAt ?? article.createdAt,
        modifiedAt: article.updatedAt ?? article.publishedAt ?? article.createdAt,
        timeZone: article.dateline.timeZone,
      },
      site,
    ),
  );
  return live.open ? html`${jsonLd}<script src="${scriptUrl}" defer></script>` : jsonLd;
}
