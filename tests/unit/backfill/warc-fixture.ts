import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

/** One archived HTTP exchange to write as a response record. */
export interface FixtureResponse {
  url: string;
  date?: string;
  status?: number;
  headers?: [string, string][];
  body?: string | Uint8Array;
  type?: 'response' | 'request' | 'resource';
}

export const PAGE = '<!doctype html><html lang="en"><head><title>T</title></head><body><p>Text.</p></body></html>';

/** A gzipped WARC (one member per record) of a warcinfo record and the given records, written with warcio. */
export async function warcOf(records: readonly FixtureResponse[]): Promise<Buffer> {
  const chunks: Uint8Array[] = [
    await WARCSerializer.serialize(
      await WARCRecord.createWARCInfo({ filename: 'test.warc.gz', warcVersion: 'WARC/1.1' }, { software: 'test' }),
      { gzip: true },
    ),
  ];
  for (const record of records) {
    const status = record.status ?? 200;
    const warc = WARCRecord.create(
      {
        url: record.url,
        date: record.date ?? '2017-01-15T10:00:00Z',
        type: record.type ?? 'response',
        warcVersion: 'WARC/1.1',
        statusline: record.type === 'request' ? 'GET / HTTP/1.1' : `HTTP/1.1 ${status} X`,
        httpHeaders: record.headers ?? [['Content-Type', 'text/html; charset=utf-8']],
      },
      [typeof record.body === 'string' || record.body === undefined ? Buffer.from(record.body ?? PAGE) : record.body],
    );
    chunks.push(await WARCSerializer.serialize(warc, { gzip: true }));
  }
  return Buffer.concat(chunks);
}

/** A gzip body that inflates far beyond its size. */
export function gzipBomb(bytes: number): Uint8Array {
  return gzipSync(Buffer.alloc(bytes, 0x20));
}

export async function* chunksOf(buffer: Uint8Array, size = 997): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}
