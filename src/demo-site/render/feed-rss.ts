import { escapeXml, rfc822 } from './escape.js';
import { type FeedContext, feedItemLink, feedUpdated, itemGuid, outletUrls } from './feed-context.js';

/**
 * RSS 2.0 document. With `outlet.bozoFeed` the output imitates a broken CMS: item titles and links
 * are written without escaping `&`, and descriptions carry raw, unclosed `<br>` tags, so the
 * document is not well-formed XML although every item is still recoverable by a lenient parser.
 */
export function renderRss(ctx: FeedContext): string {
  const { home, feed } = outletUrls(ctx);
  const bozo = ctx.outlet.bozoFeed;
  const items = ctx.articles.map((article) => {
    const text = (value: string): string => (bozo ? value : escapeXml(value));
    const description = bozo
      ? `<p>${article.summaryText}<br>Read more at ${ctx.outlet.name}</p>`
      : escapeXml(article.summaryText);
    return [
      '    <item>',
      `      <title>${text(article.headline)}</title>`,
      `      <link>${text(feedItemLink(ctx, article))}</link>`,
      `      <guid isPermaLink="false">${escapeXml(itemGuid(article))}</guid>`,
      `      <pubDate>${rfc822(article.published)}</pubDate>`,
      `      <dc:creator>${escapeXml(article.author)}</dc:creator>`,
      `      <category>${escapeXml(article.section)}</category>`,
      `      <description>${description}</description>`,
      '    </item>',
    ].join('\n');
  });
  return [
    `<?xml version="1.0" encoding="${ctx.outlet.encoding}"?>`,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(ctx.outlet.name)}</title>`,
    `    <link>${escapeXml(home)}</link>`,
    `    <description>${escapeXml(ctx.outlet.tagline || ctx.outlet.name)}</description>`,
    `    <language>${escapeXml(ctx.outlet.language)}</language>`,
    `    <lastBuildDate>${rfc822(feedUpdated(ctx.articles))}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(feed)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
