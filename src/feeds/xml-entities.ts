import { decodeHTMLStrict } from 'entities';

/** Shared state of entity expansion for one document: declared entities and an expansion budget. */
export interface EntityScope {
  /** Internal entities declared in the DOCTYPE (name -> replacement text, unexpanded). */
  declared: Map<string, string>;
  /** Characters that declared-entity expansion may still produce; guards against billion-laughs bombs. */
  budget: number;
  /** Called once per well-formedness problem found while decoding. */
  onError: (reason: string) => void;
}

const XML_BUILTINS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const MAX_NESTING = 8;
const NAME_CHAR = /^[A-Za-z_:][\w.:-]*$/;

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function numericReference(body: string, scope: EntityScope): string {
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1);
  const cp = digits.length > 0 && digits.length <= 8 ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
  if (!Number.isFinite(cp) || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
    scope.onError(`malformed character reference &${body};`);
    return `&${body};`;
  }
  if (!isXmlChar(cp)) {
    scope.onError(`reference to invalid character &${body};`);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  }
  return String.fromCodePoint(cp);
}

function namedReference(name: string, scope: EntityScope, depth: number): string {
  const builtin = XML_BUILTINS[name];
  if (builtin !== undefined) return builtin;
  const declared = scope.declared.get(name);
  if (declared !== undefined) {
    // Charge the work before doing it, so that even expansions that produce nothing use up the budget.
    scope.budget -= declared.length + 1;
    if (depth >= MAX_NESTING || scope.budget <= 0) {
      scope.onError(`entity expansion limit reached at &${name};`);
      return '';
    }
    const expanded = decodeEntities(declared, scope, depth + 1);
    scope.budget -= expanded.length;
    if (scope.budget < 0) {
      scope.onError(`entity expansion limit reached at &${name};`);
      return '';
    }
    return expanded;
  }
  // Not declared: an XML error, but feeds use HTML entities all the time, so decode them anyway.
  scope.onError(`undefined entity &${name};`);
  const html = decodeHTMLStrict(`&${name};`);
  return html;
}

/**
 * Replaces character and entity references in raw XML text. Never throws: problems are reported
 * through `scope.onError` and the text is repaired (bare `&` kept, unknown entities kept verbatim).
 */
export function decodeEntities(raw: string, scope: EntityScope, depth = 0): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    out += raw.slice(last, amp);
    const semi = raw.indexOf(';', amp + 1);
    const body = semi > amp && semi - amp <= 40 ? raw.slice(amp + 1, semi) : '';
    if (body.startsWith('#')) {
      out += numericReference(body, scope);
      last = semi + 1;
    } else if (body !== '' && NAME_CHAR.test(body)) {
      out += namedReference(body, scope, depth);
      last = semi + 1;
    } else {
      scope.onError('bare ampersand in text');
      out += '&';
      last = amp + 1;
    }
    if (out.length > 50_000_000) break; // hard cap on any single text node
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}
