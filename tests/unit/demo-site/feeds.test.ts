import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderFeed } from '../../../src/demo-site/render/index.js';
import { makeOutlet, sampleArticles } from './fixtures.js';

const ORIGIN = 'http://127.0.0.1:8080';

function feedFor(overrides: Parameters<typeof makeOutlet>[0]): string {
  const outlet = makeOutlet(overrides);
  return renderFeed({ outlet, articles: sampleArticles(outlet), origin: ORIGIN });
}

/** The parts of JSON Feed 1.1 the pipeline relies on. */
const JsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url(),
  feed_url: z.url(),
  items: z
    .array(
      z.object({
        id: z.string().min(1),
        url: z.url(),
        title: z.string(),
        content_html: z.string(),
        date_published: z.iso.datetime(),
        authors: z.array(z.object({ name: z.string() })).min(1),
      }),
    )
    .min(1),
});

describe('feed renderers', () => {
  it('renders RSS 2.0 as well-formed XML with escaped titles and RFC 822 dates', () => {
    const xml = feedFor({ feedFormat: 'rss' });

    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = new XMLParser().parse(xml).rss.channel;
    expect(channel.item[0].title).toBe('Norway & Sweden hold talks in Oslo');
    expect(channel.item[0].pubDate).toBe('Wed, 07 Oct 2026 10:00:00 GMT');
  });

  it('renders Atom 1.0 as well-formed XML with one entry per article', () => {
    const xml = feedFor({ feedFormat: 'atom' });

    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.entry).toHaveLength(2);
    expect(feed.entry[1].published).toBe('2026-10-06T08:30:00Z');
  });

  it('renders a JSON Feed 1.1 document that satisfies the specification fields', () => {
    const json = JSON.parse(feedFor({ feedFormat: 'json' }));

    const parsed = JsonFeedSchema.safeParse(json);

    expect(parsed.success).toBe(true);
    expect(json.items[0].url).toBe(`${ORIGIN}/testpost/news/2026/10/talks-in-oslo`);
  });

  it('renders a bozo RSS feed that fails XML validation yet keeps every item recoverable', () => {
    const xml = feedFor({ feedFormat: 'rss', bozoFeed: true });

    expect(XMLValidator.validate(xml)).not.toBe(true);
    const items = new XMLParser({ unpairedTags: ['br'] }).parse(xml).rss.channel.item;
    expect(items.map((item: { title: string }) => item.title)).toEqual([
      'Norway & Sweden hold talks in Oslo',
      'Chile sends aid to Peru',
    ]);
  });

  it('appends utm_ tracking parameters to feed links when the outlet uses them', () => {
    const json = JSON.parse(feedFor({ feedFormat: 'json', trackingParams: true }));

    expect(new URL(json.items[0].url).searchParams.get('utm_medium')).toBe('rss');
  });

  it('declares windows-1252 in the XML declaration of a legacy outlet feed', () => {
    const xml = feedFor({ feedFormat: 'rss', encoding: 'windows-1252' });

    expect(xml.startsWith('<?xml version="1.0" encoding="windows-1252"?>')).toBe(true);
  });
});
