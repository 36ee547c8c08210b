/** Media type and charset parameter of an HTTP Content-Type header. */
export interface ContentType {
  mediaType: string;
  charset: string | null;
}

/**
 * Parses a Content-Type header leniently: `text/xml; charset = "utf-8"` and `charset='x'` both work,
 * malformed parameters (`charset:iso-8859-1`) are ignored.
 */
export function parseContentType(header: string | null | undefined): ContentType | null {
  if (header === null || header === undefined) return null;
  const parts = header.split(';');
  const mediaType = (parts[0] ?? '').trim().toLowerCase();
  let charset: string | null = null;
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^["']+|["']+$/g, '')
      .trim();
    if (value !== '') charset = value;
  }
  return { mediaType, charset };
}

const XML_APPLICATION_TYPES = new Set([
  'application/xml',
  'application/xml-dtd',
  'application/xml-external-parsed-entity',
]);
const XML_TEXT_TYPES = new Set(['text/xml', 'text/xml-external-parsed-entity']);

/** RFC 3023 classes: application/xml-ish (charset defaults to the prolog), text/xml-ish (defaults to us-ascii). */
export function xmlMediaClass(mediaType: string): 'application' | 'text' | 'other-text' | 'other' {
  if (XML_APPLICATION_TYPES.has(mediaType) || (mediaType.startsWith('application/') && mediaType.endsWith('+xml'))) {
    return 'application';
  }
  if (XML_TEXT_TYPES.has(mediaType) || (mediaType.startsWith('text/') && mediaType.endsWith('+xml'))) return 'text';
  if (mediaType.startsWith('text/')) return 'other-text';
  return 'other';
}
