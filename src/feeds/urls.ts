import type { XmlElement } from './xml-tree.js';

const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data|file):/i;

/** Resolves `ref` against `base`; returns `ref` unchanged when either is unusable. */
export function resolveUrl(ref: string, base: string | null): string {
  if (base === null || base === '') return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

/** An absolute http(s) base or null: a base like `javascript:...` must never be used. */
export function safeBase(base: string | null | undefined): string | null {
  if (base === null || base === undefined || base.trim() === '' || UNSAFE_SCHEME.test(base)) return null;
  try {
    const url = new URL(base);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ftp:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Base URL in effect at `el`: `baseUrl` refined by every `xml:base` from the root down. */
export function baseOf(el: XmlElement, baseUrl: string | null): string | null {
  const chain: string[] = [];
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    const xmlBase = e.attrs.get('xml:base');
    if (xmlBase !== undefined) chain.push(xmlBase.trim());
  }
  let base = baseUrl;
  for (let i = chain.length - 1; i >= 0; i--) base = resolveUrl(chain[i] ?? '', base);
  return base;
}

/** Resolves a link found at `el`; null for empty links and script/data URLs. */
export function resolveLink(raw: string | null | undefined, el: XmlElement, baseUrl: string | null): string | null {
  if (raw === null || raw === undefined) return null;
  const ref = raw.trim();
  if (ref === '' || UNSAFE_SCHEME.test(ref)) return null;
  const resolved = resolveUrl(ref, baseOf(el, baseUrl));
  return UNSAFE_SCHEME.test(resolved) ? null : resolved;
}
