import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveChromium } from '../helpers/browser.js';
import { SEEDED_RANGE, startWebFixture, type WebFixture } from '../integration/web/seed-events.js';

let fixture: WebFixture;
let browser: BrowserContext;
const offsite: string[] = [];
let page: Page;
let profile: string;

beforeAll(async () => {
  // A missing browser is a broken environment, not a reason to skip: resolveChromium says what to set.
  const { executablePath, args } = await resolveChromium();
  fixture = await startWebFixture();
  profile = await mkdtemp(join(tmpdir(), 'eventwire-chromium-'));
  // A fresh profile per run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
  });
  page = await browser.newPage();
  // The page must work offline: requests leaving the local server are refused and recorded.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(fixture.server.origin)) return route.continue();
    offsite.push(url);
    return route.abort();
  });
});
afterAll(async () => {
  await browser?.close();
  await fixture?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('the event browser in a headless browser', () => {
  it('shows the seeded events in the table, on the map and on the timeline', async () => {
    await page.goto(`${fixture.server.origin}/?${new URLSearchParams(SEEDED_RANGE)}`);

    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(3);
    // The map draws after its offline backdrop loads: wait for it as a person would.
    await expect.poll(() => page.locator('#map circle.marker').count()).toBe(3);
    await expect.poll(() => page.locator('#timeline rect').count()).toBe(3);
    expect(await page.locator('#status').textContent()).toBe('3 events');
  });

  it('filters by event type and opens an event with its highlighted mention sentence and article link', async () => {
    await page.selectOption('select[name="type"]', 'PROTEST');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('#events tbody tr').count()).toBe(1);

    await page.click('#events tbody tr');
    const mention = page.locator('#detail .mention');
    await mention.waitFor();

    expect(await mention.locator('blockquote').textContent()).toBe(
      'Greek farmers marched through Athens against the new tax.',
    );
    expect(await mention.locator('mark.source').textContent()).toBe('Greek farmers');
    expect(await mention.locator('mark.verb').textContent()).toBe('marched');
    expect(await mention.locator('a').getAttribute('href')).toBe('http://127.0.0.1/daily/7');
    expect(page.url()).toContain('type=PROTEST');
  });

  it('opens an event from its map marker and never requests anything beyond the local server', async () => {
    await page.goto(`${fixture.server.origin}/?${new URLSearchParams(SEEDED_RANGE)}`);
    await expect.poll(() => page.locator('#map circle.marker').count()).toBe(3);

    await page.locator('#map circle.q4').click();
    await page.locator('#detail .mention').waitFor();

    expect(await page.locator('#detail h2').textContent()).toContain('ASSAULT');
    expect(await page.locator('#detail mark.verb').textContent()).toBe('shelled');
    expect(await page.locator('#events tbody tr.selected td').nth(1).textContent()).toBe('ASSAULT');
    expect(offsite).toEqual([]);
  });

  it('saves a screenshot of the page for a human look when EVENTWIRE_SCREENSHOT names a file', async () => {
    const file = process.env.EVENTWIRE_SCREENSHOT ?? join(profile, 'page.png');

    const image = await page.screenshot({ path: file, fullPage: true });

    expect(image.byteLength).toBeGreaterThan(10_000);
  });
});
