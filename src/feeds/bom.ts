/** Encoding announced by a byte-order mark or by the UTF-16/32 shape of `<?` (XML appendix F). */
export interface ByteOrderSniff {
  encoding: string;
  /** Bytes of the BOM itself, to skip before decoding (0 when sniffed from `<?` alone). */
  bomLength: number;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Detects a BOM, then the BOM-less UTF-16/UTF-32 patterns of a leading `<`, like feedparser. */
export function sniffByteOrder(bytes: Uint8Array): ByteOrderSniff | null {
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return { encoding: 'utf-32be', bomLength: 4 };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return { encoding: 'utf-32le', bomLength: 4 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x3c])) return { encoding: 'utf-32be', bomLength: 0 };
  if (startsWith(bytes, [0x3c, 0x00, 0x00, 0x00])) return { encoding: 'utf-32le', bomLength: 0 };
  if (startsWith(bytes, [0x00, 0x3c])) return { encoding: 'utf-16be', bomLength: 0 };
  if (startsWith(bytes, [0x3c, 0x00])) return { encoding: 'utf-16le', bomLength: 0 };
  return null;
}
