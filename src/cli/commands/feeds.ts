import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoFeedStore } from '../../storage/feed-store.js';
import type { FeedRecord } from '../../storage/records.js';
import { parseFlags, UsageError } from '../args.js';
import { withLocalClients } from '../local-reader.js';

/**
 * The health of every feed, failing ones first. Health lives on each feed's item (last status and error,
 * consecutive failures, polls, 304s, items and bytes of the last poll): per-feed CloudWatch metrics would cost a
 * custom metric per feed and measure, while the table answers "which feeds are broken" for free.
 */
export const feedsCommand = {
  name: 'feeds',
  summary: 'List every feed with its health (last status and error, failures in a row, polls, 304s), failing first',
  usage: `eventwire feeds [--failing] [--jsonl] [--data-dir DIR]
eventwire feeds --table NAME [--failing] [--jsonl]     (the feeds table of a deployed stack, with your AWS credentials)
example: npx eventwire feeds --failing`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, {
      failing: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      'data-dir': { type: 'string' },
      table: { type: 'string' },
    });
    if (values.table !== undefined && values['data-dir'] !== undefined)
      throw new UsageError('--table and --data-dir exclude each other');
    const feeds = sortByHealth(await (values.table ? listDeployed(values.table) : listLocal(values['data-dir'])));
    const shown = values.failing ? feeds.filter((feed) => feed.health.consecutive_failures > 0) : feeds;
    if (values.jsonl) for (const feed of shown) process.stdout.write(`${JSON.stringify(feed)}\n`);
    else process.stdout.write(`${formatFeeds(shown)}\n`);
    return 0;
  },
};

async function listLocal(dataDirFlag: string | undefined): Promise<FeedRecord[]> {
  return withLocalClients(dataDirFlag, (clients, config) =>
    new DynamoFeedStore(clients.doc, config.tables.feeds).list(),
  );
}

async function listDeployed(table: string): Promise<FeedRecord[]> {
  const dynamo = new DynamoDBClient({});
  try {
    return await new DynamoFeedStore(DynamoDBDocumentClient.from(dynamo), table).list();
  } finally {
    dynamo.destroy();
  }
}

/** Failing feeds first (most failures in a row first), then by name. */
export function sortByHealth(feeds: readonly FeedRecord[]): FeedRecord[] {
  return [...feeds].sort(
    (a, b) => b.health.consecutive_failures - a.health.consecutive_failures || a.name.localeCompare(b.name),
  );
}

export function formatFeeds(feeds: readonly FeedRecord[]): string {
  const rows = feeds.map((feed) => [
    feed.health.consecutive_failures > 0
      ? `FAILING x${feed.health.consecutive_failures}`
      : (feed.health.last_status ?? 'never polled'),
    feed.name,
    String(feed.health.polls),
    String(feed.health.not_modified),
    String(feed.health.items_last_poll),
    feed.health.last_fetched_at ?? '-',
    feed.next_poll_at,
    feed.health.last_error ?? '',
  ]);
  const header = ['status', 'feed', 'polls', '304s', 'items', 'last poll', 'next poll', 'last error'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const failing = feeds.filter((feed) => feed.health.consecutive_failures > 0).length;
  return [line(header), ...rows.map(line), `${feeds.length} feeds, ${failing} failing`].join('\n');
}
