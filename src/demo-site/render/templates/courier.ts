import { escapeXml as esc } from '../escape.js';
import {
  commentsSection,
  cookieBanner,
  footer,
  navMenu,
  newsletterBox,
  paragraphsHtml,
  relatedList,
  shareButtons,
} from '../page-parts.js';
import { displayDate, type PageView } from '../page-view.js';

/**
 * Modern single-page-app style markup: nested divs with BEM classes, share bars top and bottom,
 * and "READ MORE" promo links wedged between body paragraphs (clutter inside the story itself).
 */
export function courierPage(view: PageView): string {
  const { outlet, article, chrome, origin } = view;
  const blocks = paragraphsHtml(article).map((p) => `<div class="article__text-block">${p}</div>`);
  view.related.slice(0, 2).forEach((item, i) => {
    const at = Math.min(blocks.length, 2 + i * 3);
    blocks.splice(
      at,
      0,
      `<div class="article__promo"><p><strong>READ MORE:</strong> <a href="${esc(origin + item.path)}">${esc(item.headline)}</a></p></div>`,
    );
  });
  return `<!DOCTYPE html>
<html lang="${esc(article.language ?? outlet.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${esc(article.headline)} - ${esc(outlet.name)}</title>
${view.headMeta}
<script>window.__APP_STATE__ = { "edition": "international", "ads": true };</script>
</head>
<body>
<div id="app">
${cookieBanner(chrome, 'ec')}
<div class="site-header"><div class="site-header__brand">${esc(outlet.name)}</div>${navMenu(outlet, origin, 'ec')}
<div class="site-header__breaking">BREAKING: Live coverage continues</div></div>
<main class="page">
  <div class="article" data-article-id="${esc(article.slug)}">
    <div class="article__header">
      <span class="article__section">${esc(article.section)}</span>
      <h1 class="article__title">${esc(article.headline)}</h1>
      <div class="article__meta"><span class="article__author">${esc(article.author)}</span> <span class="article__date">${esc(displayDate(article.published, outlet.language))}</span></div>
    </div>
    ${shareButtons(chrome, view.canonicalUrl, article.headline, 'ec')}
    <div class="article__video-placeholder">Video: watch our correspondent's report (2:14)</div>
    <section class="article__content">
${blocks.join('\n')}
    </section>
    ${shareButtons(chrome, view.canonicalUrl, article.headline, 'ec')}
  </div>
  <div class="sidebar">${relatedList(view.related.slice(0, 5), origin, 'Most read', 'ec')}${newsletterBox(chrome, 'ec')}</div>
  ${commentsSection(chrome, article, 'ec')}
</main>
${footer(outlet, chrome, 'ec')}
</div>
</body>
</html>
`;
}
