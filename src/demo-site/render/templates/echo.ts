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

/** French-language daily: <article> with a "chapô" lead paragraph, French boilerplate and JSON-LD. */
export function echoPage(view: PageView): string {
  const { outlet, article, chrome, origin } = view;
  return `<!DOCTYPE html>
<html lang="${esc(article.language ?? outlet.language)}">
<head>
<meta charset="utf-8">
<title>${esc(article.headline)} | ${esc(outlet.name)}</title>
${view.headMeta}
</head>
<body class="page-article">
${cookieBanner(chrome, 'ei')}
<header class="ei-header"><div class="ei-logo">${esc(outlet.name)}</div><a href="/${outlet.id}/abonnement" class="ei-abo">${esc(chrome.subscribe)}</a></header>
${navMenu(outlet, origin, 'ei')}
<div class="ei-grid">
<article class="ei-article">
  <p class="ei-rubrique">${esc(article.section)}</p>
  <h1 class="ei-titre">${esc(article.headline)}</h1>
  <p class="ei-chapo">${esc(article.summaryText)}</p>
  <p class="ei-signature">Par <span class="ei-auteur">${esc(article.author)}</span> · Publié le ${esc(displayDate(article.published, 'fr'))}</p>
  ${shareButtons(chrome, view.canonicalUrl, article.headline, 'ei')}
  <div class="ei-texte">
${paragraphsHtml(article).join('\n')}
  </div>
</article>
<aside class="ei-aside">${relatedList(view.related.slice(0, 5), origin, chrome.latestTitle, 'ei')}${newsletterBox(chrome, 'ei')}</aside>
</div>
${commentsSection(chrome, article, 'ei')}
${footer(outlet, chrome, 'ei')}
</body>
</html>
`;
}
