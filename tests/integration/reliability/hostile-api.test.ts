import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_RANGE, startWebFixture, type WebFixture } from '../web/seed-events.js';

let fixture: WebFixture;

beforeAll(async () => {
  fixture = await startWebFixture();
}, 60_000);
afterAll(async () => fixture.close());

async function get(
  path: string,
): Promise<{ status: number; body: { error?: string; items?: unknown[]; cursor?: string } }> {
  const response = await fetch(`${fixture.server.origin}${path}`);
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

function inRange(extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...SEEDED_RANGE, ...extra }).toString();
}

const forged = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the HTTP API given parameters it should refuse', () => {
  it.each([
    ['limit=abc', inRange({ limit: 'abc' }), 'limit must be a whole number'],
    ['limit=0', inRange({ limit: '0' }), 'limit must be a whole number'],
    ['limit=-1', inRange({ limit: '-1' }), 'limit must be a whole number'],
    ['limit=2.5', inRange({ limit: '2.5' }), 'limit must be a whole number'],
    ['limit=100000', inRange({ limit: '100000' }), 'limit must be a whole number'],
    ['from=2026-02-30', inRange({ from: '2026-02-30' }), 'from must be a date YYYY-MM-DD that exists'],
    ['to before from', inRange({ from: '2026-10-31', to: '2026-10-01' }), 'is after to'],
    ['an unknown parameter', inRange({ frm: '2026-01-01' }), 'unknown parameter "frm"'],
    ['a 3,000-character actor', inRange({ actor: 'A'.repeat(3000) }), 'actor must be an actor code'],
    ['a forged cursor {"plan":-1}', inRange({ cursor: forged({ plan: -1 }) }), 'cursor is not one this API issued'],
    ['a cursor that is not base64 JSON', inRange({ cursor: 'not-a-cursor' }), 'cursor is not one this API issued'],
  ])('answers 400 with the reason for %s', async (_name, query, reason) => {
    const response = await get(`/api/events?${query}`);

    expect(response.status).toBe(400);
    expect(response.body.error).toContain(reason);
  });

  it('answers 400, not 500, for a 3,000-character event id and for mentions or changes with bad parameters', async () => {
    const longId = await get(`/api/events/${'e'.repeat(3000)}`);
    const mentions = await get(`/api/events/${'e'.repeat(3000)}/mentions?limit=0`);
    const since = await get('/api/changes?since=1900-13-45');
    const changesLimit = await get('/api/changes?since=2026-10-01&limit=abc');

    expect([longId.status, mentions.status, since.status, changesLimit.status]).toEqual([400, 400, 400, 400]);
    expect(longId.body.error).toContain('event id must be 1 to 128');
    expect(since.body.error).toContain('since must be an ISO 8601 time');
  });

  it('refuses a cursor issued for another query, and one whose key lies outside the partition it names', async () => {
    const first = await get(`/api/events?${inRange({ limit: '1' })}`);
    const cursor = first.body.cursor ?? '';
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      q: string;
      p: string;
      k?: Record<string, string>;
    };
    const moved = forged({ ...state, k: { ...state.k, byTypeSk: '1999-01-01#x' } });

    const otherQuery = await get(`/api/events?${inRange({ limit: '1', type: 'PROTEST', cursor })}`);
    const outside = await get(`/api/events?${inRange({ limit: '1', cursor: moved })}`);

    expect(first.status).toBe(200);
    expect(cursor).not.toBe('');
    expect(otherQuery.status).toBe(400);
    expect(otherQuery.body.error).toContain('another query');
    expect(outside.status).toBe(400);
  });

  it('pages through every event with limit=1, each once, and ends', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await get(`/api/events?${inRange({ limit: '1', ...(cursor ? { cursor } : {}) })}`);
      ids.push(...((page.body.items ?? []) as { event_id: string }[]).map((event) => event.event_id));
      cursor = page.body.cursor;
      if (!cursor) break;
    }

    expect(cursor).toBeUndefined();
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });
});
