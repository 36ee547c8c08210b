import iconv from 'iconv-lite';

/** Characters windows-1252 can represent (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in it). */
const CP1252_REPERTOIRE: ReadonlySet<string> = new Set(
  [...iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows-1252')].filter(
    (ch) => ch !== '\uFFFD',
  ),
);

/**
 * Encode markup as windows-1252. Characters outside the code page (e.g. Romanian ș) become numeric
 * character references, as legacy CMSs emit them, instead of iconv-lite's silent `?`.
 */
export function encodeWindows1252(markup: string): Buffer {
  let out = '';
  for (const ch of markup) {
    out += CP1252_REPERTOIRE.has(ch) ? ch : `&#${ch.codePointAt(0) ?? 63};`;
  }
  return iconv.encode(out, 'windows-1252');
}
