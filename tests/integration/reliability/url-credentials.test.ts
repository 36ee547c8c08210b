import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFeedList } from '../../../infra/feed-list.js';
import { parseFeedList } from '../../../src/config/index.js';
import { defaultFetchPolicy, HttpFetcher, MemoryHostGate } from '../../../src/fetch/index.js';
import { ProgressObserver } from '../../../src/local/progress.js';
import { runPipeline } from '../../../src/local/runner.js';
import { startTestStack, type TestStack } from '../../helpers/local-stack.js';
import { OneHostSite } from '../../helpers/one-host-site.js';
import { cliCommand } from './support/cli-run.js';

let site: OneHostSite;
let other: OneHostSite;
let dir: string;

beforeAll(async () => {
  site = await new OneHostSite(2).start();
  other = await new OneHostSite(2).start();
  dir = await mkdtemp(join(tmpdir(), 'eventwire-credentials-'));
});
afterAll(async () => {
  await site.close();
  await other.close();
  await rm(dir, { recursive: true, force: true });
});

const WITH_SECRET = [{ url: 'http://reader:s3cret-pw@news.example/feed.xml', name: 'Members only' }];

describe('a feed list with a user name and password in a URL', () => {
  it('is refused where it is read at run time (CLI --feeds, the SSM parameter), without printing the password', () => {
    const refused = (): unknown => parseFeedList(JSON.stringify(WITH_SECRET), 'feeds.json');

    expect(refused).toThrow(/must not carry a user name or password/);
    expect(refused).not.toThrow(/s3cret-pw/);
  });

  it('is refused at synth time by the CDK app', async () => {
    const file = join(dir, 'feeds.json');
    await writeFile(file, JSON.stringify(WITH_SECRET));

    expect(() => loadFeedList(file)).toThrow(/must not carry a user name or password/);
    expect(() => loadFeedList(file)).not.toThrow(/s3cret-pw/);
  });

  it('stops eventwire run --feeds before anything is fetched or stored', async () => {
    const file = join(dir, 'run-feeds.json');
    await writeFile(file, JSON.stringify([{ url: `http://reader:s3cret-pw@${site.host}/feed.xml` }]));
    const hits = site.hits.length;

    const outcome = await cliCommand(['run', '--feeds', file, '--data-dir', join(dir, 'data')]);

    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('must not carry a user name or password');
    expect(`${outcome.stdout}${outcome.stderr}`).not.toContain('s3cret-pw');
    expect(site.hits.length).toBe(hits);
  }, 60_000);
});

describe('the fetcher given a URL with a user name and password', () => {
  const fetcher = (): HttpFetcher =>
    new HttpFetcher(defaultFetchPolicy({ allowedHosts: [site.host, other.host], minHostIntervalMs: 0 }), {
      gate: new MemoryHostGate(),
    });

  it('never sends them, and reports the URL without them', async () => {
    const result = await fetcher().fetch({ url: `http://reader:s3cret-pw@${site.host}/news/1` });

    expect(site.hits.at(-1)).toMatchObject({ path: '/news/1', authorization: undefined });
    expect(result.requestedUrl).not.toContain('s3cret-pw');
  });

  it('never sends the credentials of a redirect to another host either', async () => {
    const target = encodeURIComponent(`http://reader:s3cret-pw@${other.host}/news/2`);

    await fetcher().fetch({ url: `${site.url('/redirect')}?to=${target}` });

    expect(other.hits.at(-1)).toMatchObject({ path: '/news/2', authorization: undefined });
  });
});

describe('a feed whose article links carry a user name and password', () => {
  let env: TestStack;
  beforeAll(async () => {
    env = await startTestStack();
  }, 60_000);
  afterAll(async () => env.close());

  it('is fetched without them, and they are neither stored nor printed', async () => {
    site.linkCredentials = 'reader:s3cret-pw@';
    const printed: string[] = [];
    const sink = { isTTY: false, write: (line: string) => printed.push(line) > 0 } as unknown as NodeJS.WriteStream;

    await runPipeline({
      config: { ...env.config, allowedHosts: [site.host], hostIntervalMs: 0 },
      feeds: [{ url: site.url('/feed.xml') }],
      observer: new ProgressObserver(sink, true),
      dataDir: env.dataDir,
      signal: new AbortController().signal,
    });
    const stored = await env.clients.doc.send(new ScanCommand({ TableName: env.config.tables.articles }));

    expect(stored.Items?.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(stored.Items)).not.toContain('s3cret-pw');
    expect(printed.join('')).not.toContain('s3cret-pw');
    expect(site.articleHits().every((hit) => hit.authorization === undefined)).toBe(true);
  }, 60_000);
});
