import type { BackfillJob, ByteRange } from './job.js';

/** An object of the source listing. */
export interface ArchiveObject {
  key: string;
  size: number;
}

const DAY_MS = 86_400_000;
/** A crawl timestamp in a WARC file name (CC-NEWS-20170101123456-00001.warc.gz): when the file was started. */
const NAME_TIMESTAMP = /(?:^|[^0-9])((?:19|20)\d{2})(\d{2})(\d{2})\d{6}(?:[^0-9]|$)/;

/**
 * The byte ranges of a backfill: each WARC file under the prefix whose name does not date it outside the job's
 * days, cut into ranges of at most `rangeBytes` (one child each). A gzipped file can be cut anywhere (each range
 * starts at its first record, see record-start.ts); a plain .warc file is one range. A file named with a start
 * time is kept from the day before `from` (it may run past midnight) to `to`; files without one are kept.
 */
export function planRanges(objects: readonly ArchiveObject[], job: BackfillJob, rangeBytes: number): ByteRange[] {
  const ranges: ByteRange[] = [];
  for (const object of [...objects].sort((a, b) => a.key.localeCompare(b.key))) {
    if (!/\.warc(\.gz)?$/i.test(object.key) || object.size === 0 || !namedWithin(object.key, job)) continue;
    const step = /\.gz$/i.test(object.key) ? rangeBytes : object.size;
    for (let start = 0; start < object.size; start += step)
      ranges.push({ key: object.key, start, end: Math.min(object.size, start + step), aligned: start === 0 });
  }
  return ranges;
}

function namedWithin(key: string, job: BackfillJob): boolean {
  const match = NAME_TIMESTAMP.exec(key.replace(/^.*\//, ''));
  if (!match) return true;
  const started = Date.parse(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  if (Number.isNaN(started)) return true;
  return started >= Date.parse(`${job.from}T00:00:00Z`) - DAY_MS && started <= Date.parse(`${job.to}T00:00:00Z`);
}
