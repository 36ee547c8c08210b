import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BackfillJob } from '../../../src/backfill/job.js';
import { planRanges } from '../../../src/backfill/plan.js';
import { findRecordStart, fromFirstRecord } from '../../../src/backfill/record-start.js';
import { chunksOf, warcOf } from './warc-fixture.js';

const JOB: BackfillJob = {
  bucket: 'b',
  prefix: 'p/',
  from: '2017-01-10',
  to: '2017-01-12',
  language: null,
  outlets: null,
};

describe('planning a backfill', () => {
  it('cuts gzipped WARC files into ranges, the first of each aligned, and keeps a plain WARC whole', () => {
    const ranges = planRanges(
      [
        { key: 'p/a.warc.gz', size: 250 },
        { key: 'p/b.warc', size: 250 },
        { key: 'p/index.cdx', size: 10 },
        { key: 'p/empty.warc.gz', size: 0 },
      ],
      JOB,
      100,
    );

    expect(ranges).toEqual([
      { key: 'p/a.warc.gz', start: 0, end: 100, aligned: true },
      { key: 'p/a.warc.gz', start: 100, end: 200, aligned: false },
      { key: 'p/a.warc.gz', start: 200, end: 250, aligned: false },
      { key: 'p/b.warc', start: 0, end: 250, aligned: true },
    ]);
  });

  it('leaves out files whose name dates them outside the days (a file may run past the midnight after it starts)', () => {
    const keys = planRanges(
      [
        'CC-NEWS-20170108235959-00001.warc.gz',
        'CC-NEWS-20170109120000-00002.warc.gz',
        'CC-NEWS-20170112235959-00003.warc.gz',
        'CC-NEWS-20170113000000-00004.warc.gz',
        'undated.warc.gz',
      ].map((key) => ({ key: `p/${key}`, size: 10 })),
      JOB,
      100,
    ).map((range) => range.key);

    expect(keys).toEqual([
      'p/CC-NEWS-20170109120000-00002.warc.gz',
      'p/CC-NEWS-20170112235959-00003.warc.gz',
      'p/undated.warc.gz',
    ]);
  });
});

describe('finding the first record of a byte range', () => {
  it('finds the gzip member of the next record, not bytes inside compressed data that look like a gzip header', async () => {
    const warc = await warcOf([{ url: 'https://example.org/a' }, { url: 'https://example.org/b' }]);
    const second = warc.indexOf(Buffer.from([0x1f, 0x8b, 0x08]), 1);
    const decoy = Buffer.concat([
      Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xee]),
      warc.subarray(second),
    ]);

    expect(findRecordStart(warc.subarray(1), true)).toBe(second - 1);
    expect(findRecordStart(decoy, true)).toBe(12);
    expect(findRecordStart(gzipSync('not a warc record'), true)).toBe(-1);
  });

  it('streams the rest of the range from that record, with its offset in the file', async () => {
    const warc = await warcOf([{ url: 'https://example.org/a' }, { url: 'https://example.org/b' }]);
    const second = warc.indexOf(Buffer.from([0x1f, 0x8b, 0x08]), 1);
    const found = await fromFirstRecord(chunksOf(warc.subarray(5), 7), 5, 1_000_000);
    const rest: Uint8Array[] = [];
    for await (const chunk of found?.source ?? []) rest.push(chunk);

    expect(found?.offset).toBe(second);
    expect(Buffer.concat(rest).equals(warc.subarray(second))).toBe(true);
    expect(await fromFirstRecord(chunksOf(warc.subarray(warc.length - 3)), 0, 1_000_000)).toBeNull();
  });
});
