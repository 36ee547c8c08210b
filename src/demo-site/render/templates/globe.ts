import type { ChromeText } from '../../content-schema.js';
import { escapeXml as esc, rfc3339 } from '../escape.js';
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
 * Broadsheet layout: semantic <article> with <header>, <time>, a lead figure, an advert slot and a
 * "read also" aside between paragraphs; paywalled stories end after the teaser with a subscribe box.
 */
export function globePage(view: PageView): string {
  const { outlet, article, chrome, origin } = view;
  const body = interleave(paragraphsHtml(article), view, chrome);
  return `<!DOCTYPE html>
<html lang="${esc(article.language ?? outlet.language)}">
<head>
<meta charset="utf-8">
<title>${esc(article.headline)} – ${esc(outlet.name)}</title>
${view.headMeta}
</head>
<body>
${cookieBanner(chrome, 'hg')}
<header class="hg-masthead"><a href="${esc(`${origin}/${outlet.id}/`)}"><span class="hg-logo">${esc(outlet.name)}</span></a>
<span class="hg-tagline">${esc(outlet.tagline)}</span> <a class="hg-subscribe" href="/${outlet.id}/subscribe">${esc(chrome.subscribe)}</a></header>
${navMenu(outlet, origin, 'hg')}
<main class="hg-main">
<article class="hg-article">
  <header>
    <a class="hg-kicker" href="/${outlet.id}/${esc(article.section.toLowerCase())}">${esc(article.section)}</a>
    <h1>${esc(article.headline)}</h1>
    <p class="hg-standfirst">${esc(article.summaryText)}</p>
    <p class="hg-byline">By <a rel="author" href="/${outlet.id}/profile/${encodeURIComponent(article.author)}">${esc(article.author)}</a></p>
    <time datetime="${rfc3339(article.published)}">${esc(displayDate(article.published, outlet.language))}</time>
  </header>
  <figure class="hg-figure"><img src="/${outlet.id}/img/${article.slug}.jpg" alt=""><figcaption>File photo. Photograph: Agency pool</figcaption></figure>
  ${shareButtons(chrome, view.canonicalUrl, article.headline, 'hg')}
  <div class="hg-body">
${body.join('\n')}
  </div>
  ${article.paywall ? paywallBox(chrome, outlet.id) : ''}
  ${article.boilerplate ? `<p class="hg-syndication"><em>${esc(article.boilerplate)}</em></p>` : ''}
</article>
${newsletterBox(chrome, 'hg')}
${relatedList(view.related.slice(0, 4), origin, chrome.relatedTitle, 'hg')}
${article.paywall ? '' : commentsSection(chrome, article, 'hg')}
</main>
${footer(outlet, chrome, 'hg')}
</body>
</html>
`;
}

function interleave(paragraphs: string[], view: PageView, chrome: ChromeText): string[] {
  const out = [...paragraphs];
  const also = view.related[0];
  if (out.length > 3 && also) {
    out.splice(
      3,
      0,
      `<aside class="hg-read-also"><strong>${esc(chrome.readAlso)}:</strong> <a href="${esc(view.origin + also.path)}">${esc(also.headline)}</a></aside>`,
    );
  }
  if (out.length > 2) out.splice(2, 0, `<div class="hg-ad" data-slot="inline-1">${esc(chrome.advert)}</div>`);
  return out;
}

function paywallBox(chrome: ChromeText, outletId: string): string {
  return `<div class="hg-paywall"><h2>Subscribe to read</h2><p>${esc(chrome.paywallText)}</p>
  <a class="hg-paywall__cta" href="/${outletId}/subscribe">${esc(chrome.subscribe)}</a> <a href="/${outletId}/login">${esc(chrome.signIn)}</a></div>`;
}
