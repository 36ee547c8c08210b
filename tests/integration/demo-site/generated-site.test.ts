import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../../../src/demo-site/index.js';

let site: DemoSite;

beforeAll(async () => {
  site = await startDemoSite({ generated: { feeds: 50, articlesPerFeed: 40, seed: 11 } });
});

afterAll(async () => {
  await site.close();
});

describe('generated load site over loopback', () => {
  it('reports the requested numbers of feeds and articles', () => {
    expect(site.feeds).toHaveLength(50);
    expect(site.articleCount).toBe(2000);
  });

  it('serves every generated feed with all of its items', async () => {
    const bodies = await Promise.all(site.feeds.map(async (feed) => (await fetch(feed.url)).text()));

    const itemCounts = bodies.map((body) =>
      body.startsWith('{')
        ? (JSON.parse(body) as { items: unknown[] }).items.length
        : (body.match(/<(item|entry)>/g) ?? []).length,
    );
    expect(itemCounts.every((count) => count === 40)).toBe(true);
  });

  it('does not serve the curated outlets in generated mode', async () => {
    const response = await fetch(`${site.origin}/wire/rss/world.xml`);
    await response.arrayBuffer();

    expect(response.status).toBe(404);
  });

  it('serves generated article pages linked from the feeds', async () => {
    const json = (await (await fetch(site.feeds[2]?.url ?? '')).json()) as {
      items: Array<{ url: string; title: string }>;
    };
    const [item] = json.items;

    const page = await fetch(item?.url ?? '');

    expect(page.status).toBe(200);
    expect(await page.text()).toContain(item?.title);
  });
});
