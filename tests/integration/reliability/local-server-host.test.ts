import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_RANGE, startWebFixture, type WebFixture } from '../web/seed-events.js';

let fixture: WebFixture;

beforeAll(async () => {
  fixture = await startWebFixture();
}, 60_000);
afterAll(async () => fixture.close());

function inRange(): string {
  return new URLSearchParams(SEEDED_RANGE).toString();
}

describe('the local server asked under another host name (DNS rebinding)', () => {
  function withHost(host: string, path: string): Promise<{ status: number; body: string }> {
    const url = new URL(path, fixture.server.origin);
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { headers: { host } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  it('refuses a request whose Host header names another site, and serves its own names', async () => {
    const port = new URL(fixture.server.origin).port;

    const attacker = await withHost('attacker.example', `/api/events?${inRange()}`);
    const attackerWithPort = await withHost(`attacker.example:${port}`, '/');
    const own = await withHost(`127.0.0.1:${port}`, `/api/events?${inRange()}`);
    const localhost = await withHost(`localhost:${port}`, '/');

    expect(attacker.status).toBe(421);
    expect(attacker.body).not.toContain('event_id');
    expect(attackerWithPort.status).toBe(421);
    expect(own.status).toBe(200);
    expect(localhost.status).toBe(200);
  });
});
