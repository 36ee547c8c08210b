import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord, MentionRecord } from '../../../src/client/index.js';
import { SEEDED_RANGE, startWebFixture, type WebFixture } from './seed-events.js';

let fixture: WebFixture;

async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${fixture.server.origin}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

function inRange(extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...SEEDED_RANGE, ...extra }).toString();
}

beforeAll(async () => {
  fixture = await startWebFixture();
});
afterAll(async () => fixture.close());

describe('the local web server', () => {
  it('listens on the loopback address only', () => {
    expect(new URL(fixture.server.origin).hostname).toBe('127.0.0.1');
  });

  it('serves the event browser page and its scripts with a strict content security policy', async () => {
    const page = await fetch(`${fixture.server.origin}/`);
    const script = await fetch(`${fixture.server.origin}/app.js`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<table id="events">');
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses paths that climb out of the static folder', async () => {
    // %2f survives URL normalisation, so the server itself sees the `..` segments.
    const response = await fetch(`${fixture.server.origin}/..%2f..%2f..%2fpackage.json`);

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('"name": "eventwire"');
  });

  it('lists events through /api/events and applies the type, actor and location filters', async () => {
    const all = await getJson<{ items: EventRecord[] }>(`/api/events?${inRange()}`);
    const protests = await getJson<{ items: EventRecord[] }>(`/api/events?${inRange({ type: 'protest' })}`);
    const russia = await getJson<{ items: EventRecord[] }>(`/api/events?${inRange({ actor: 'RUS' })}`);
    const inGermany = await getJson<{ items: EventRecord[] }>(`/api/events?${inRange({ location: 'DEU' })}`);

    expect(all.body.items.map((event) => event.type).sort()).toEqual(['ASSAULT', 'CONSULT', 'PROTEST']);
    expect(protests.body.items.map((event) => event.location?.name)).toEqual(['Athens']);
    expect(russia.body.items.map((event) => event.type)).toEqual(['ASSAULT']);
    expect(inGermany.body.items.map((event) => event.type)).toEqual(['CONSULT']);
  });

  it('returns one event and its mentions with the source sentence and article link', async () => {
    const [protest] = (await getJson<{ items: EventRecord[] }>(`/api/events?${inRange({ type: 'PROTEST' })}`)).body
      .items;
    const id = encodeURIComponent(protest?.event_id ?? '');

    const event = await getJson<EventRecord>(`/api/events/${id}`);
    const mentions = await getJson<{ items: MentionRecord[] }>(`/api/events/${id}/mentions`);

    expect(event.body.source.code).toBe('GRC');
    expect(mentions.body.items).toHaveLength(1);
    expect(mentions.body.items[0]?.sentence).toBe('Greek farmers marched through Athens against the new tax.');
    expect(mentions.body.items[0]?.url).toBe('http://127.0.0.1/daily/7');
  });

  it('answers 404 for an unknown event or route and 400 for a malformed date', async () => {
    const unknownEvent = await getJson<{ error: string }>('/api/events/no-such-event');
    const unknownRoute = await getJson<{ error: string }>('/api/nothing-here');
    const badDate = await getJson<{ error: string }>('/api/events?from=last-tuesday');

    expect(unknownEvent.status).toBe(404);
    expect(unknownRoute.status).toBe(404);
    expect(badDate.status).toBe(400);
    expect(badDate.body.error).toContain('from must be a date');
  });

  it('refuses writes to the read-only API', async () => {
    const response = await fetch(`${fixture.server.origin}/api/events`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(405);
  });
});
