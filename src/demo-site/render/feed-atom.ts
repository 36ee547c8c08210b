import { escapeXml, rfc3339 } from './escape.js';
import { type FeedContext, feedItemLink, feedUpdated, itemGuid, outletUrls } from './feed-context.js';

/** Atom 1.0 (RFC 4287) document for one outlet. */
export function renderAtom(ctx: FeedContext): string {
  const { home, feed } = outletUrls(ctx);
  const entries = ctx.articles.map((article) =>
    [
      '  <entry>',
      `    <id>tag:${escapeXml(ctx.outlet.id)}.demo,2026:${escapeXml(itemGuid(article))}</id>`,
      `    <title type="text">${escapeXml(article.headline)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(feedItemLink(ctx, article))}"/>`,
      `    <published>${rfc3339(article.published)}</published>`,
      `    <updated>${rfc3339(article.updated ?? article.published)}</updated>`,
      `    <author><name>${escapeXml(article.author)}</name></author>`,
      `    <category term="${escapeXml(article.section)}"/>`,
      `    <summary type="text">${escapeXml(article.summaryText)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    `<?xml version="1.0" encoding="${ctx.outlet.encoding}"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(ctx.outlet.language)}">`,
    `  <id>${escapeXml(home)}</id>`,
    `  <title>${escapeXml(ctx.outlet.name)}</title>`,
    `  <subtitle>${escapeXml(ctx.outlet.tagline || ctx.outlet.name)}</subtitle>`,
    `  <updated>${rfc3339(feedUpdated(ctx.articles))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
