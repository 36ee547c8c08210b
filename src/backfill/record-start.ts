import { constants, gunzipSync } from 'node:zlib';

const GZIP_MAGIC = [0x1f, 0x8b, 0x08] as const;
/** Compressed bytes enough to decode a record's first line from any gzip member. */
const PROBE_BYTES = 4096;
const WARC_LINE = Buffer.from('WARC/1.');

/**
 * Where the first record of a gzipped WARC starts in `bytes`, or -1. A .warc.gz file is one gzip member per record,
 * so a byte range that starts anywhere can find its first record: the first gzip header from which the data
 * inflates to a WARC version line. Bytes inside compressed data that look like a gzip header do not inflate to
 * one. `complete` says `bytes` runs to the end of the data (else a candidate too near the end waits for more).
 */
export function findRecordStart(bytes: Uint8Array, complete: boolean): number {
  for (let at = bytes.indexOf(GZIP_MAGIC[0]); at >= 0; at = bytes.indexOf(GZIP_MAGIC[0], at + 1)) {
    if (bytes[at + 1] !== GZIP_MAGIC[1] || bytes[at + 2] !== GZIP_MAGIC[2]) continue;
    if (!complete && bytes.length - at < PROBE_BYTES) return -1;
    if (inflatesToRecord(bytes.subarray(at, at + PROBE_BYTES))) return at;
  }
  return -1;
}

function inflatesToRecord(probe: Uint8Array): boolean {
  try {
    const head = gunzipSync(probe, { finishFlush: constants.Z_SYNC_FLUSH });
    return head.subarray(0, WARC_LINE.length).equals(WARC_LINE);
  } catch {
    return false;
  }
}

/**
 * The data of `chunks` (which start at file offset `start`) from its first record on, with that record's offset;
 * null when no record starts within `maxScan` bytes (a range inside one very large record).
 */
export async function fromFirstRecord(
  chunks: AsyncIterable<Uint8Array>,
  start: number,
  maxScan: number,
): Promise<{ offset: number; source: AsyncIterable<Uint8Array> } | null> {
  const iterator = chunks[Symbol.asyncIterator]();
  let buffer = Buffer.alloc(0);
  for (;;) {
    const next = await iterator.next();
    if (!next.done) buffer = Buffer.concat([buffer, next.value]);
    const at = findRecordStart(buffer, next.done === true);
    if (at >= 0) {
      const rest = buffer.subarray(at);
      return { offset: start + at, source: prepend(rest, iterator) };
    }
    if (next.done || buffer.length > maxScan) {
      await iterator.return?.(undefined);
      return null;
    }
  }
}

async function* prepend(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.(undefined);
  }
}
