import { WARCParser, type WARCRecord } from 'warcio';
import { describeError } from '../core/errors.js';
import { withoutCredentials } from '../core/url-credentials.js';
import { canonicalUrl } from '../fetch/index.js';
import { ArchiveReadError } from './errors.js';
import type { OutletMatcher } from './outlets.js';

/** Why a WARC record is not taken through the stages, by class; counted in the summary. */
export const SKIP_REASONS = [
  'not-response',
  'not-http',
  'status',
  'not-html',
  'encoding',
  'out-of-range',
  'outlet',
  'language',
  'too-large',
  'invalid-url',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** An archived HTML page as the fetch stage would have received it: body decoded, headers lower-case. */
export interface ArchivedPage {
  /** WARC-Target-URI: the URL the crawler fetched. */
  url: string;
  /** Its canonical form (the article's identity, as for a feed link). */
  canonical: string;
  outlet: string;
  /** WARC-Date (ISO): when it was crawled; the article's date when its page names none. */
  date: string | null;
  status: number;
  /** Response headers, lower-case, without those that described the stored bytes rather than `body`. */
  headers: Record<string, string>;
  body: Uint8Array;
}

/** One WARC record: the page to ingest, or why it is skipped. `offset` is where the record starts in the file. */
export type ArchiveEntry = { offset: number; page: ArchivedPage } | { offset: number; skipped: SkipReason };

/** What to keep: a day range of WARC-Date (inclusive, YYYY-MM-DD), a declared language, the outlet list. */
export interface RecordFilter {
  from: string | null;
  to: string | null;
  /** Keep pages that declare this language (Content-Language or `<html lang>`) or none; null keeps all. */
  language: string | null;
  outlet: OutletMatcher;
  /** Largest decoded body kept (the live fetcher's cap). */
  maxBytes: number;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Content codings warcio decodes; others (br) are skipped rather than stored as undecodable bytes. */
const DECODED_CODINGS = new Set(['', 'identity', 'gzip', 'x-gzip', 'deflate']);
/** Headers that described the archived bytes (coding, framing), not the decoded body handed on. */
const FRAMING_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

/**
 * Streams the records of a WARC file (gzip members or plain) with warcio, classifying each: only HTTP 200 HTML
 * responses within the filter become pages; everything else is skipped by reason without reading its body.
 * `baseOffset` is where `source` starts in the file, so offsets are the file's (for checkpoints and ranges).
 * @throws ArchiveReadError when the archive stops being readable (corrupt or truncated); the entries before stand
 */
export async function* archiveEntries(
  source: AsyncIterable<Uint8Array>,
  filter: RecordFilter,
  baseOffset = 0,
): AsyncGenerator<ArchiveEntry> {
  const parser = new WARCParser(source);
  for (;;) {
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (error) {
      throw new ArchiveReadError(`unreadable WARC record after offset ${baseOffset + parser.offset}`, {
        cause: error,
      });
    }
    if (!record) return;
    const offset = baseOffset + parser.offset;
    const entry = await classify(record, filter).catch((error: unknown) => {
      throw new ArchiveReadError(`unreadable WARC record at offset ${offset}: ${describeError(error).message}`, {
        cause: error,
      });
    });
    yield typeof entry === 'string' ? { offset, skipped: entry } : { offset, page: entry };
  }
}

async function classify(record: WARCRecord, filter: RecordFilter): Promise<ArchivedPage | SkipReason> {
  if (record.warcType !== 'response' || !record.httpHeaders) return 'not-response';
  // A URL's user name and password are never stored, printed or sent.
  const url = withoutCredentials(record.warcTargetURI ?? '');
  if (!/^https?:/i.test(url)) return 'not-http';
  if (Number(record.httpHeaders.statusCode) !== 200) return 'status';
  const headers = lowerCaseHeaders(record.httpHeaders.headers);
  const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!HTML_TYPES.has(mediaType)) return 'not-html';
  if (!DECODED_CODINGS.has((headers['content-encoding'] ?? '').trim().toLowerCase())) return 'encoding';
  const date = isoDate(record.warcDate);
  if (!inRange(date, filter)) return 'out-of-range';
  let canonical: string;
  try {
    canonical = canonicalUrl(url);
  } catch {
    return 'invalid-url';
  }
  const outlet = filter.outlet(new URL(canonical));
  if (outlet === null) return 'outlet';
  if (filter.language && !declaresLanguage(headers['content-language'], null, filter.language)) return 'language';
  if (record.warcContentLength > filter.maxBytes * 4) return 'too-large';
  const body = await readCapped(record, filter.maxBytes);
  if (!body) return 'too-large';
  if (filter.language && !declaresLanguage(undefined, body, filter.language)) return 'language';
  for (const name of FRAMING_HEADERS) delete headers[name];
  return { url, canonical, outlet, date, status: 200, headers, body };
}

function lowerCaseHeaders(headers: Headers | Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name.toLowerCase()] = value;
  return out;
}

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A record without a readable date is kept only when no range is asked for. */
function inRange(date: string | null, filter: RecordFilter): boolean {
  if (!filter.from && !filter.to) return true;
  if (!date) return false;
  const day = date.slice(0, 10);
  return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
}

/** The decoded body, read chunk by chunk so a decompression bomb stops at the cap; null past it. */
async function readCapped(record: WARCRecord, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of record) {
    total += chunk.byteLength;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const HTML_LANG = /<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})/i;

/**
 * Whether a page may be in `language`: a Content-Language header or `<html lang>` that names another language
 * rules it out; a page that declares none is kept (the fetch stage's language identification decides).
 */
function declaresLanguage(header: string | undefined, body: Uint8Array | null, language: string): boolean {
  const declared = header
    ? header.split(',').map((tag) => tag.trim().slice(0, 2).toLowerCase())
    : body
      ? [HTML_LANG.exec(Buffer.from(body.subarray(0, 4096)).toString('latin1'))?.[1]?.toLowerCase() ?? '']
      : [''];
  return declared.some((tag) => tag === '' || tag.startsWith(language.toLowerCase()));
}
