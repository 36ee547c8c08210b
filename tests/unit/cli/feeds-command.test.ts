import { describe, expect, it } from 'vitest';
import { formatFeeds, sortByHealth } from '../../../src/cli/commands/feeds.js';
import type { FeedRecord } from '../../../src/storage/records.js';

function feed(name: string, health: Partial<FeedRecord['health']> = {}): FeedRecord {
  return {
    schema_version: 2,
    feed_id: name,
    url: `http://127.0.0.1/${name}.xml`,
    name,
    poll_minutes: 15,
    next_poll_at: '2026-11-25T10:00:00.000Z',
    etag: null,
    last_modified: null,
    health: {
      last_status: 'fetched',
      last_fetched_at: '2026-11-25T09:45:00.000Z',
      last_error: null,
      consecutive_failures: 0,
      polls: 4,
      not_modified: 3,
      items_last_poll: 12,
      bytes_last_poll: 9000,
      ...health,
    },
  };
}

describe('eventwire feeds', () => {
  const healthy = feed('Alpha');
  const flaky = feed('Beta', { last_status: 'failed', consecutive_failures: 1, last_error: 'FetchError: HTTP 503' });
  const dead = feed('Gamma', {
    last_status: 'failed',
    consecutive_failures: 7,
    last_error: 'FetchError: connection refused',
  });
  const fresh = feed('Delta', {
    last_status: null,
    last_fetched_at: null,
    polls: 0,
    not_modified: 0,
    items_last_poll: 0,
  });

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
