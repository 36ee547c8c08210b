import { readFile } from 'node:fs/promises';
import { snakeCaseKeys } from '../../core/snake-case.js';
import { parseFeed } from '../../feeds/index.js';
import { defaultFetchPolicy, HttpFetcher } from '../../fetch/index.js';
import { parseFlags, UsageError } from '../args.js';

export const feedCommand = {
  name: 'feed',
  summary: 'Parse one feed (file or URL) and print it as JSON: format, encoding, bozo flag, items',
  usage: `eventwire feed FILE|URL [--content-type "text/xml; charset=..."]
  URLs are fetched with the production fetcher (robots.txt, SSRF guard, no credentials sent).
example: npx eventwire feed https://example.org/world/rss.xml`,
  async run(argv: string[]): Promise<number> {
    const { values, positionals } = parseFlags(argv, { 'content-type': { type: 'string' } }, 1);
    const target = positionals[0];
    if (!target) throw new UsageError('a feed FILE or URL is needed');
    let body: Uint8Array;
    let contentType = values['content-type'] ?? null;
    let baseUrl: string | null = null;
    if (/^https?:\/\//i.test(target)) {
      const response = await new HttpFetcher(defaultFetchPolicy()).fetch({ url: target });
      body = response.body;
      contentType ??= response.headers['content-type'] ?? null;
      baseUrl = response.finalUrl;
    } else {
      body = await readFile(target);
    }
    process.stdout.write(`${JSON.stringify(snakeCaseKeys(parseFeed(body, { contentType, baseUrl })), null, 2)}\n`);
    return 0;
  },
};
