import { decodeHTML } from 'entities';

/** Elements whose content is never readable text. */
const SKIPPED_ELEMENTS = ['script', 'style', 'noscript', 'template', 'iframe', 'object'];
/** Elements after which a line break reads better than running words together. */
const BLOCK_TAG =
  /^\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|hr|section|article|header|footer|dd|dt)\b/i;
const LOOKS_LIKE_MARKUP =
  /<\/?[A-Za-z][\w:-]*(\s[^<>]*)?\/?>|&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** True when a text value carries HTML tags or entities (feeds often put escaped HTML in RSS titles). */
export function looksLikeHtml(text: string): boolean {
  return text.includes('<') || text.includes('&') ? LOOKS_LIKE_MARKUP.test(text) : false;
}

/** Index just past the end of the skipped element opened at `lt`, or -1 when `lt` opens none. */
function skipElementEnd(html: string, lower: string, lt: number): number {
  for (const name of SKIPPED_ELEMENTS) {
    if (!lower.startsWith(name, lt + 1)) continue;
    const after = html.charAt(lt + 1 + name.length);
    if (after !== '>' && after !== ' ' && after !== '/' && after !== '\t' && after !== '\n') continue;
    const close = lower.indexOf(`</${name}`, lt);
    if (close < 0) return html.length;
    const gt = html.indexOf('>', close);
    return gt < 0 ? html.length : gt + 1;
  }
  return -1;
}

/** Strips tags in one linear pass; keeps text, turns block boundaries into spaces. */
function stripTags(html: string): string {
  // ASCII-only lower-casing keeps indices aligned with `html`.
  const lower = html.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const skipped = skipElementEnd(html, lower, lt);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    const next = html.charAt(lt + 1);
    if (gt < 0 || !/[A-Za-z/!?]/.test(next)) {
      out += '<';
      i = lt + 1;
      continue;
    }
    if (BLOCK_TAG.test(html.slice(lt + 1, Math.min(gt, lt + 14)))) out += ' ';
    i = gt + 1;
  }
  return out + html.slice(i);
}

/** Readable plain text of an HTML fragment: tags and scripts removed, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  const text = decodeHTML(html.includes('<') ? stripTags(html) : html);
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}
