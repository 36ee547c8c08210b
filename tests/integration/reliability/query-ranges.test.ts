import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventReader } from '../../../src/client/index.js';
import { PLOVER_TYPES } from '../../../src/core/event-schema.js';
import { DynamoEventStore } from '../../../src/storage/event-store.js';
import { codedEvent } from '../../helpers/coded-event.js';
import { withStackAt } from '../../helpers/local-stack.js';
import { cliCommand } from './support/cli-run.js';

/** Events a century apart, and one article coded on each of three days decades apart. */
const DATES = ['1926-05-01', '1961-08-13', '2026-10-04', '2026-12-31', '2099-12-31'];
const CODED_ON = ['1926-05-02T10:00:00Z', '1989-11-09T20:00:00Z', '2026-10-05T08:00:00Z'];

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eventwire-ranges-'));
  await withStackAt(dataDir, async (clients, config) => {
    const store = new DynamoEventStore(clients.doc, config.tables.events);
    for (const [n, date] of DATES.entries()) {
      const source = {
        article_id: `a${n}`,
        url: `http://127.0.0.1/${n}`,
        outlet: 'Wire',
        title: null,
        published: null,
      };
      const codedAt = new Date(CODED_ON[n % CODED_ON.length] ?? '2026-10-05T08:00:00Z');
      const event = codedEvent({ date, sentence_index: n });
      const { eventIds } = await store.recordMentions(source, [event], date, codedAt);
      await store.recordArticleCoded(source, eventIds, codedAt);
    }
  });
}, 60_000);
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

/** A reader that counts the DynamoDB requests it sends. */
async function withCountingReader<T>(
  use: (reader: EventReader, requests: string[], table: { doc: DynamoDBDocumentClient; name: string }) => Promise<T>,
): Promise<T> {
  return withStackAt(dataDir, async (clients, config) => {
    const requests: string[] = [];
    clients.doc.middlewareStack.add(
      (next, context) => async (args) => {
        requests.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize' },
    );
    return use(new EventReader(clients.doc, config.tables.events), requests, {
      doc: clients.doc,
      name: config.tables.events,
    });
  });
}

describe('a date range of any length', () => {
  it('answers in full through the typed client, reading only the months that hold events', async () => {
    const { dates, queries } = await withCountingReader(async (reader, requests) => {
      const page = await reader.events({ from: '1900-01-01', to: '2100-01-01', limit: 1000 });
      return {
        dates: page.items.map((event) => event.date).sort(),
        queries: requests.filter((r) => r === 'QueryCommand'),
      };
    });

    expect(dates).toEqual(DATES);
    // One calendar query, then one per month with events: not one per month of the two centuries.
    expect(queries.length).toBeLessThanOrEqual(1 + DATES.length);
  });

  it('pages across partitions one event at a time without losing or repeating any', async () => {
    const seen = await withCountingReader(async (reader) => {
      const dates: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await reader.events({
          from: '1926-01-01',
          to: '2026-12-31',
          limit: 1,
          ...(cursor ? { cursor } : {}),
        });
        dates.push(...page.items.map((event) => event.date));
        cursor = page.cursor;
      } while (cursor && dates.length < 50);
      return dates;
    });

    expect(seen).toEqual(DATES.slice(0, 4));
  });

  it('reads every type partition for a month the calendar listed before it kept types', async () => {
    const { dates, queries } = await withCountingReader(async (reader, requests, { doc, name: table }) => {
      const legacy = { pk: 'CALENDAR', sk: 'MONTH#1961-08' };
      await doc.send(new PutCommand({ TableName: table, Item: { ...legacy, kind: 'calendar' } }));
      try {
        const page = await reader.events({ from: '1961-08-01', to: '1961-08-31' });
        return { dates: page.items.map((event) => event.date), queries: requests.filter((r) => r === 'QueryCommand') };
      } finally {
        await doc.send(new DeleteCommand({ TableName: table, Key: legacy }));
      }
    });

    expect(dates).toEqual(['1961-08-13']);
    expect(queries).toHaveLength(1 + PLOVER_TYPES.length);
  });

  it('finds every change since 1900 through the days the calendar lists', async () => {
    const { changed, queries } = await withCountingReader(async (reader, requests) => {
      const page = await reader.changedSince(new Date('1900-01-01T00:00:00Z'), { limit: 100 });
      return { changed: page.items.length, queries: requests.filter((r) => r === 'QueryCommand').length };
    });

    expect(changed).toBe(DATES.length);
    expect(queries).toBeLessThanOrEqual(1 + CODED_ON.length);
  });

  it('answers in full on the command line, in events and export alike', async () => {
    const events = await cliCommand([
      'events',
      '--from',
      '1900-01-01',
      '--to',
      '2100-01-01',
      '--format',
      'jsonl',
      '--data-dir',
      dataDir,
    ]);
    const exported = await cliCommand(['export', '--from', '1926-01-01', '--to', '2026-12-31', '--data-dir', dataDir]);

    expect(events.code).toBe(0);
    expect(events.stdout.trim().split('\n')).toHaveLength(DATES.length);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(4);
  }, 60_000);
});
