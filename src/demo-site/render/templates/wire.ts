import { escapeXml as esc } from '../escape.js';
import {
  commentsSection,
  cookieBanner,
  footer,
  navMenu,
  paragraphsHtml,
  relatedList,
  shareButtons,
} from '../page-parts.js';
import { displayDate, type PageView } from '../page-view.js';

/**
 * Wire-service layout: no <article> element, the story is a div of paragraphs next to a
 * "latest" rail, with a ticker above and JSON-LD as the only structured metadata.
 */
export function wirePage(view: PageView): string {
  const { outlet, article, chrome, origin } = view;
  return `<!DOCTYPE html>
<html lang="${esc(article.language ?? outlet.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(article.headline)} | ${esc(outlet.name)}</title>
${view.headMeta}
<link rel="stylesheet" href="/${outlet.id}/static/wire.css">
</head>
<body class="wire">
${cookieBanner(chrome, 'mpa')}
<div class="mpa-topbar"><a class="mpa-logo" href="${esc(`${origin}/${outlet.id}/`)}">${esc(outlet.name)}</a> <a href="/${outlet.id}/login">Client login</a></div>
${navMenu(outlet, origin, 'mpa')}
<div class="mpa-ticker">MARKETS: Brent crude +0.8% | Gold -0.2% | EUR/USD 1.09</div>
<div class="mpa-layout">
  <div class="mpa-main">
    <h1 class="mpa-headline">${esc(article.headline)}</h1>
    <div class="mpa-byline">By ${esc(article.author)} | ${esc(displayDate(article.published, outlet.language))}</div>
    ${shareButtons(chrome, view.canonicalUrl, article.headline, 'mpa')}
    <div class="mpa-story-body">
${paragraphsHtml(article).join('\n')}
    </div>
    ${article.boilerplate ? `<p class="mpa-credit">${esc(article.boilerplate)}</p>` : ''}
    <div class="mpa-tags">Topics: ${[article.section, ...article.tags].map((tag) => `<a href="/${outlet.id}/topic/${encodeURIComponent(tag)}">${esc(tag)}</a>`).join(', ')}</div>
    <p class="mpa-standards"><a href="/${outlet.id}/info/standards">Our Standards: The Trust Principles.</a></p>
  </div>
  <div class="mpa-rail">
    ${relatedList(view.related.slice(0, 6), origin, chrome.latestTitle, 'mpa')}
    <div class="mpa-ad">${esc(chrome.advert)}</div>
  </div>
</div>
${commentsSection(chrome, article, 'mpa')}
${footer(outlet, chrome, 'mpa')}
</body>
</html>
`;
}
