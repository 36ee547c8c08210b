import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args.js';
import { backfillCommand } from '../../../src/cli/commands/backfill.js';

async function file(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'eventwire-usage-')), 'outlets.json');
  await writeFile(path, content);
  return path;
}

describe('eventwire backfill flags', () => {
  it.each([
    [['archive.warc.gz', '--from', '2017-02-30'], /--from must be a date that exists/],
    [['--demo', '--from', '2017-02-01', '--to', '2017-01-01'], /is after --to/],
    [['--demo', '--language', 'english'], /--language must be/],
    [['--demo', '--max-wait=-1'], /--max-wait must be a whole number/],
    [['--demo', 'archive.warc.gz'], /--demo records its own archive/],
    [[], /name a WARC file or folder, --demo, or --s3/],
    [['no-such-archive.warc.gz'], /no such file or folder/],
    [['--s3', 's3://commoncrawl/crawl-data/CC-NEWS/2017/01/'], /--s3 needs --from and --to/],
    [['--s3', 's3://b/p/', '--from', '2017-01-01', '--to', '2017-01-02', '--demo'], /--demo is for local archives/],
    [['--demo', '--state-machine', 'arn:x'], /--state-machine goes with --s3/],
    [['--demo', '--bogus'], /Unknown option '--bogus'/],
  ])('rejects %j as a usage error', async (argv, message) => {
    await expect(backfillCommand.run(argv)).rejects.toThrow(UsageError);
    await expect(backfillCommand.run(argv)).rejects.toThrow(message);
  });

  it('rejects an outlet list that is not one, naming the file and what is wrong', async () => {
    const bad = await file('[{"name":"X","url":"http://example.org/"}]');

    await expect(backfillCommand.run(['--demo', '--outlets', bad])).rejects.toThrow(UsageError);
    await expect(backfillCommand.run(['--demo', '--outlets', bad])).rejects.toThrow(
      /outlets\.json is not an outlet list/,
    );
  });
});
