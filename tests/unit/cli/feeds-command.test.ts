import { describe, expect, it } from 'vitest';
import { formatFeeds, sortByHealth } from '../../../src/cli/commands/feeds.js';
import type { FeedRecord } from '../../../src/storage/records.js';

function feed(name: string, health: Partial<FeedRecord['health']> = {}): FeedRecord {
  return {
    schemaVersion: 1,
    feedId: name,
    url: `http://127.0.0.1/${name}.xml`,
    name,
    pollMinutes: 15,
    nextPollAt: '2026-11-25T10:00:00.000Z',
    etag: null,
    lastModified: null,
    health: {
      lastStatus: 'fetched',
      lastFetchedAt: '2026-11-25T09:45:00.000Z',
      lastError: null,
      consecutiveFailures: 0,
      polls: 4,
      notModified: 3,
      itemsLastPoll: 12,
      bytesLastPoll: 9000,
      ...health,
    },
  };
}

describe('eventwire feeds', () => {
  const healthy = feed('Alpha');
  const flaky = feed('Beta', { lastStatus: 'failed', consecutiveFailures: 1, lastError: 'FetchError: HTTP 503' });
  const dead = feed('Gamma', {
    lastStatus: 'failed',
    consecutiveFailures: 7,
    lastError: 'FetchError: connection refused',
  });
  const fresh = feed('Delta', { lastStatus: null, lastFetchedAt: null, polls: 0, notModified: 0, itemsLastPoll: 0 });

  it('lists the feeds failing longest first, then the others by name', () => {
    expect(sortByHealth([healthy, flaky, fresh, dead]).map((f) => f.name)).toEqual(['Gamma', 'Beta', 'Alpha', 'Delta']);
  });

  it('prints one aligned line per feed with its status, counters and last error, and a total', () => {
    const lines = formatFeeds(sortByHealth([healthy, dead, fresh])).split('\n');

    expect(lines[0]).toMatch(/^status\s+feed\s+polls\s+304s\s+items\s+last poll\s+next poll\s+last error$/);
    expect(lines[1]).toMatch(
      /^FAILING x7\s+Gamma\s+4\s+3\s+12\s+2026-11-25T09:45:00.000Z\s+2026-11-25T10:00:00.000Z\s+FetchError: connection refused$/,
    );
    expect(lines[3]).toMatch(/^never polled\s+Delta\s+0\s+0\s+0\s+-\s+2026-11-25T10:00:00.000Z$/);
    expect(lines.at(-1)).toBe('3 feeds, 1 failing');
  });
});
