import htmlEncodingSniffer from 'html-encoding-sniffer';
import { sniffByteOrder } from './bom.js';
import { decodeLenient, decodeStrict, isWideUnicodeLabel, normaliseLabel } from './charset.js';
import { parseContentType, xmlMediaClass } from './content-type.js';
import type { BodyKind, DecodedBody } from './types.js';

const XML_DECLARATION_ENCODING = /^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;

/** Encoding named in the XML declaration, read from the start of the (BOM-stripped) bytes. */
function prologEncoding(bytes: Uint8Array, bomEncoding: string | null): string | null {
  const head = bytes.subarray(0, bomEncoding?.startsWith('utf-32') ? 1024 : 512);
  const text = bomEncoding !== null ? decodeLenient(head, bomEncoding) : Buffer.from(head).toString('latin1');
  const match = XML_DECLARATION_ENCODING.exec(text);
  return match?.[1]?.toLowerCase() ?? null;
}

/** Encoding RFC 3023 says to use, and why the media type itself is suspect (feedparser's NonXMLContentType). */
function declaredXmlEncoding(contentType: string | null | undefined, xmlEncoding: string | null) {
  const parsed = parseContentType(contentType);
  if (parsed === null) return { declared: xmlEncoding ?? 'utf-8', reason: null };
  const httpCharset = parsed.charset?.replace(/'/g, '') ?? null;
  switch (xmlMediaClass(parsed.mediaType)) {
    case 'application':
      return { declared: httpCharset ?? xmlEncoding ?? 'utf-8', reason: null };
    case 'text':
      return { declared: httpCharset ?? 'us-ascii', reason: null };
    case 'other-text':
      return { declared: httpCharset ?? 'us-ascii', reason: `${parsed.mediaType} is not an XML media type` };
    default:
      return { declared: xmlEncoding ?? 'utf-8', reason: `${parsed.mediaType || 'empty'} is not an XML media type` };
  }
}

/**
 * The encoding as reported: one spelling per charset ("UTF8", "utf_8" and "utf-8" are all "utf-8"), without the
 * stray punctuation a decoder ignores when it looks a label up (":L1" is decoded as "l1").
 */
function reportName(label: string): string {
  return normaliseLabel(label).replace(/[^a-z0-9._-]/g, '');
}

function decodeXml(body: Uint8Array, contentType: string | null | undefined): DecodedBody {
  const bom = sniffByteOrder(body);
  const bytes = body.subarray(bom?.bomLength ?? 0);
  let xmlEncoding = prologEncoding(bytes, bom?.encoding ?? null);
  // A UTF-16/32 byte pattern outranks a missing or generic prolog label: utf-8 would "decode" it with NULs.
  if (bom !== null && (xmlEncoding === null || isWideUnicodeLabel(xmlEncoding))) xmlEncoding = bom.encoding;
  const { declared, reason } = declaredXmlEncoding(contentType, xmlEncoding);
  const candidates = [declared, xmlEncoding, bom?.encoding, 'utf-8', 'windows-1252', 'iso-8859-2'];
  const tried = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === null || candidate === undefined || tried.has(candidate)) continue;
    tried.add(candidate);
    const text = decodeStrict(bytes, candidate);
    if (text === null) continue;
    const overridden = candidate === declared ? null : `document declared as ${declared}, but parsed as ${candidate}`;
    return { text: stripBom(text), encoding: reportName(candidate), bozoReason: overridden ?? reason };
  }
  // Unreachable in practice (windows-1252 never fails), kept so the function is total.
  return { text: decodeLenient(bytes, 'utf-8'), encoding: 'utf-8', bozoReason: 'document encoding unknown' };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeHtml(body: Uint8Array, contentType: string | null | undefined): DecodedBody {
  const charset = parseContentType(contentType)?.charset ?? undefined;
  let encoding = 'windows-1252';
  try {
    encoding = htmlEncodingSniffer(body, { transportLayerEncodingLabel: charset, defaultEncoding: 'windows-1252' });
  } catch {
    // an unusable transport label: fall back to sniffing the bytes alone
    encoding = htmlEncodingSniffer(body, { defaultEncoding: 'windows-1252' });
  }
  return { text: stripBom(decodeLenient(body, encoding)), encoding: reportName(encoding), bozoReason: null };
}

/** RFC 8259 says UTF-8; older peers sent BOM-less UTF-16/32, recognisable by the NUL pattern of ASCII text. */
function decodeJson(body: Uint8Array, contentType: string | null | undefined): DecodedBody {
  const bom = sniffByteOrder(body);
  const charset = parseContentType(contentType)?.charset ?? null;
  let label = bom?.encoding ?? charset ?? 'utf-8';
  if (bom === null && charset === null && body.length >= 4) {
    const [a, b, c, d] = [body[0], body[1], body[2], body[3]];
    if (a === 0 && b === 0 && c === 0) label = 'utf-32be';
    else if (b === 0 && c === 0 && d === 0) label = 'utf-32le';
    else if (a === 0) label = 'utf-16be';
    else if (b === 0) label = 'utf-16le';
  }
  const bytes = body.subarray(bom?.bomLength ?? 0);
  const strict = decodeStrict(bytes, label);
  if (strict !== null) return { text: stripBom(strict), encoding: reportName(label), bozoReason: null };
  return { text: stripBom(decodeLenient(bytes, 'utf-8')), encoding: 'utf-8', bozoReason: `body is not valid ${label}` };
}

/**
 * Decodes a response body to text. `xml` follows RFC 3023 / feedparser precedence (BOM, HTTP charset,
 * XML declaration, then utf-8, windows-1252, iso-8859-2 fallbacks); `html` follows the WHATWG sniffing
 * algorithm (BOM, HTTP charset, `<meta charset>`); `json` uses BOM, charset, then UTF-8.
 * @param kind defaults to `xml`.
 */
export function decodeBody(body: Uint8Array, contentType?: string | null, kind: BodyKind = 'xml'): DecodedBody {
  if (kind === 'html') return decodeHtml(body, contentType);
  if (kind === 'json') return decodeJson(body, contentType);
  return decodeXml(body, contentType);
}
