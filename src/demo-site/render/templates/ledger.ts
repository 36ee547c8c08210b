import { escapeXml as esc } from '../escape.js';
import { commentsSection, cookieBanner, footer, navMenu, relatedList } from '../page-parts.js';
import { displayDate, type PageView } from '../page-view.js';

/**
 * Legacy-CMS layout served as windows-1252: table-based page, charset declared in an
 * http-equiv meta, and paragraphs separated by `<br><br>` inside one cell instead of <p> elements.
 */
export function ledgerPage(view: PageView): string {
  const { outlet, article, chrome, origin } = view;
  const shown = article.paywall ? article.paragraphs.slice(0, 1) : article.paragraphs;
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html lang="${esc(article.language ?? outlet.language)}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>${esc(outlet.name)} :: ${esc(article.headline)}</title>
${view.headMeta}
</head>
<body bgcolor="#fdfbf5">
${cookieBanner(chrome, 'ldg')}
<table width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td colspan="2" class="ldg-masthead"><font size="6">${esc(outlet.name)}</font><br><i>${esc(outlet.tagline)}</i></td></tr>
<tr><td colspan="2">${navMenu(outlet, origin, 'ldg')}</td></tr>
<tr>
<td valign="top" width="70%" class="ldg-content">
<h2 class="ldg-headline">${esc(article.headline)}</h2>
<span class="ldg-meta">By ${esc(article.author)} – ${esc(displayDate(article.published, outlet.language))}</span>
<br><br>
<div id="ldg-text">
${shown.map(esc).join('\n<br><br>\n')}
</div>
<br>
<small>Print this article | Email this article | <a href="/${outlet.id}/letters">Write a letter to the editor</a></small>
</td>
<td valign="top" class="ldg-sidebar">
${relatedList(view.related.slice(0, 5), origin, chrome.latestTitle, 'ldg')}
<p class="ldg-weather">Brussels 14°C – Paris 16°C – Berlin 12°C</p>
<p class="ldg-ad">${esc(chrome.advert)}</p>
</td>
</tr>
</table>
${commentsSection(chrome, article, 'ldg')}
${footer(outlet, chrome, 'ldg')}
</body>
</html>
`;
}
