import { escapeXml, rfc3339 } from './escape.js';
import { type FeedContext, feedItemLink, itemGuid, outletUrls } from './feed-context.js';

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) document for one outlet. */
export function renderJsonFeed(ctx: FeedContext): string {
  const { home, feed } = outletUrls(ctx);
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: ctx.outlet.name,
    home_page_url: home,
    feed_url: feed,
    description: ctx.outlet.tagline || ctx.outlet.name,
    language: ctx.outlet.language,
    items: ctx.articles.map((article) => ({
      id: itemGuid(article),
      url: feedItemLink(ctx, article),
      title: article.headline,
      summary: article.summaryText,
      content_html: `<p>${escapeXml(article.summaryText)}</p>`,
      date_published: rfc3339(article.published),
      date_modified: rfc3339(article.updated ?? article.published),
      authors: [{ name: article.author }],
      tags: [article.section, ...article.tags],
      language: article.language ?? ctx.outlet.language,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
