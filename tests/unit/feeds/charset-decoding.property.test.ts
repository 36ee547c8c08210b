import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/feeds/index.js';

/** Labels a server or a document may declare: real ones, aliases, wide encodings, and junk. */
const label = fc.oneof(
  fc.constantFrom(
    'utf-8',
    'UTF8',
    'utf-16',
    'utf-16be',
    'utf-16le',
    'utf-32',
    'iso-8859-1',
    'latin1',
    'windows-1252',
    'koi8-r',
    'gb2312',
    'shift_jis',
    'euc-jp',
    'x-user-defined',
    'ebcdic-cp-us',
    'replacement',
    '',
  ),
  fc.stringMatching(/^[A-Za-z0-9._:'-]{0,40}$/),
  fc.string({ maxLength: 20 }),
);

/** Byte-order marks of UTF-8, UTF-16 and UTF-32, or none. */
const bom = fc.constantFrom(
  [],
  [0xef, 0xbb, 0xbf],
  [0xfe, 0xff],
  [0xff, 0xfe],
  [0x00, 0x00, 0xfe, 0xff],
  [0xff, 0xfe, 0x00, 0x00],
);

/** Bodies that declare an encoding where each kind looks for one, followed by arbitrary bytes. */
function body(declared: string, kind: 'xml' | 'html' | 'json'): fc.Arbitrary<Uint8Array> {
  const head =
    kind === 'xml'
      ? `<?xml version="1.0" encoding="${declared}"?><rss>`
      : kind === 'html'
        ? `<html><head><meta charset="${declared}"><title>`
        : '{"title":"';
  return fc.tuple(bom, fc.boolean(), fc.uint8Array({ maxLength: 400 })).map(([mark, declare, rest]) => {
    const prefix = declare ? [...new TextEncoder().encode(head)] : [];
    return new Uint8Array([...mark, ...prefix, ...rest]);
  });
}

describe('charset decoding', () => {
  for (const kind of ['xml', 'html', 'json'] as const) {
    it(`decodes any ${kind} body under any declared charset to text and names the encoding it used`, () => {
      const contentType = fc.option(
        label.map(
          (name) =>
            `${kind === 'html' ? 'text/html' : kind === 'json' ? 'application/feed+json' : 'application/rss+xml'}; charset=${name}`,
        ),
      );
      fc.assert(
        fc.property(
          label.chain((declared) => body(declared, kind)),
          contentType,
          (bytes, type) => {
            const decoded = decodeBody(bytes, type, kind);
            expect(typeof decoded.text).toBe('string');
            expect(decoded.encoding).toMatch(/^[a-z0-9._-]+$/);
            // A decoder never invents text: at most one UTF-16 code unit per input byte (replacement characters included).
            expect(decoded.text.length).toBeLessThanOrEqual(bytes.length);
          },
        ),
        { numRuns: 500 },
      );
    });
  }
});
