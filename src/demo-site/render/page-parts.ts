import type { Article, ChromeText, Outlet } from '../content-schema.js';
import { escapeXml as esc } from './escape.js';
import { stableNumber } from './page-view.js';

/** Page clutter shared by templates; `cls` is a per-outlet class prefix so layouts differ in markup. */
export function cookieBanner(chrome: ChromeText, cls: string): string {
  return `<div class="${cls}-consent" id="cookie-consent" role="dialog" aria-label="Cookie consent">
  <p>${esc(chrome.cookieText)}</p>
  <button class="${cls}-consent__accept">${esc(chrome.cookieAccept)}</button>
  <button class="${cls}-consent__manage">${esc(chrome.cookieManage)}</button>
</div>`;
}

export function navMenu(outlet: Outlet, origin: string, cls: string): string {
  const items = outlet.nav.map((label) => {
    const href = `${origin}/${outlet.id}/section/${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    return `<li><a href="${esc(href)}">${esc(label)}</a></li>`;
  });
  return `<nav class="${cls}-nav" aria-label="Sections"><ul>${items.join('')}</ul></nav>`;
}

export function shareButtons(chrome: ChromeText, url: string, headline: string, cls: string): string {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(headline);
  return `<div class="${cls}-share"><span>${esc(chrome.shareLabel)}</span>
  <a href="https://twitter.example/intent/tweet?url=${u}&amp;text=${t}" rel="nofollow">X</a>
  <a href="https://facebook.example/sharer.php?u=${u}" rel="nofollow">Facebook</a>
  <a href="https://linkedin.example/share?url=${u}" rel="nofollow">LinkedIn</a>
  <a href="mailto:?subject=${t}&amp;body=${u}">Email</a>
  <button class="${cls}-share__copy">Copy link</button>
</div>`;
}

export function newsletterBox(chrome: ChromeText, cls: string): string {
  return `<aside class="${cls}-newsletter">
  <h3>${esc(chrome.newsletterTitle)}</h3>
  <p>${esc(chrome.newsletterText)}</p>
  <form action="#" method="post"><input type="email" placeholder="${esc(chrome.emailPlaceholder)}"><button>${esc(chrome.newsletterButton)}</button></form>
</aside>`;
}

/** Two to four reader comments, picked deterministically from the article slug. */
export function commentsSection(chrome: ChromeText, article: Article, cls: string): string {
  const seed = stableNumber(article.slug);
  const count = 2 + (seed % 3);
  const items = Array.from({ length: count }, (_, i) => {
    const comment = chrome.comments[(seed + i * 7) % chrome.comments.length];
    if (!comment) return '';
    return `<li class="${cls}-comment"><b class="${cls}-comment__user">${esc(comment.user)}</b> <span>${((seed >>> i) % 50) + 1}h</span><p>${esc(comment.text)}</p><a href="#reply">Reply</a></li>`;
  });
  return `<section class="${cls}-comments" id="comments">
  <h3>${esc(chrome.commentsTitle)} (${count})</h3>
  <p class="${cls}-comments__note">${esc(chrome.commentsNote)}</p>
  <ol>${items.join('\n')}</ol>
</section>`;
}

export function relatedList(related: readonly Article[], origin: string, title: string, cls: string): string {
  const items = related.map((item) => `<li><a href="${esc(origin + item.path)}">${esc(item.headline)}</a></li>`);
  return `<div class="${cls}-related"><h3>${esc(title)}</h3><ul>${items.join('')}</ul></div>`;
}

export function footer(outlet: Outlet, chrome: ChromeText, cls: string): string {
  const links = chrome.footerLinks.map(
    (label) => `<a href="/${outlet.id}/info/${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}">${esc(label)}</a>`,
  );
  return `<footer class="${cls}-footer"><div>${links.join(' | ')}</div><p>© 2026 ${esc(outlet.name)}. All rights reserved.</p></footer>`;
}

/** Body paragraphs as `<p>` elements (paywalled articles show only their first paragraph). */
export function paragraphsHtml(article: Article): string[] {
  const shown = article.paywall ? article.paragraphs.slice(0, 1) : article.paragraphs;
  return shown.map((text) => `<p>${esc(text)}</p>`);
}
