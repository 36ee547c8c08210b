import { describe, expect, it } from 'vitest';
import { parseRobots, productToken } from '../../../src/fetch/index.js';

const ORIGIN = 'https://news.example';
const UA = 'eventwire/0.1 (+https://example.org/bot)';

describe('parseRobots', () => {
  it('allows everything when the site has no robots.txt', () => {
    const rules = parseRobots(null, ORIGIN, UA);

    expect(rules.isAllowed(`${ORIGIN}/anything`)).toBe(true);
    expect(rules.crawlDelayMs()).toBeUndefined();
  });

  it('applies the wildcard group when no group names us', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /drafts/\n', ORIGIN, UA);

    expect(rules.isAllowed(`${ORIGIN}/drafts/plan`)).toBe(false);
    expect(rules.isAllowed(`${ORIGIN}/politics/vote`)).toBe(true);
  });

  it('prefers the group naming our product token, case-insensitively', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: EventWire\nDisallow: /archive\n', ORIGIN, UA);

    expect(rules.isAllowed(`${ORIGIN}/politics/vote`)).toBe(true);
    expect(rules.isAllowed(`${ORIGIN}/archive/1999`)).toBe(false);
  });

  it('lets the longest matching rule win, and Allow win a tie', () => {
    const rules = parseRobots(
      'User-agent: *\nDisallow: /news/\nAllow: /news/public/\nAllow: /tie\nDisallow: /tie\n',
      ORIGIN,
      UA,
    );

    expect(rules.isAllowed(`${ORIGIN}/news/internal`)).toBe(false);
    expect(rules.isAllowed(`${ORIGIN}/news/public/story`)).toBe(true);
    expect(rules.isAllowed(`${ORIGIN}/tie`)).toBe(true);
  });

  it('supports * and $ wildcards', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\n', ORIGIN, UA);

    expect(rules.isAllowed(`${ORIGIN}/reports/annual.pdf`)).toBe(false);
    expect(rules.isAllowed(`${ORIGIN}/reports/annual.pdf.html`)).toBe(true);
    expect(rules.isAllowed(`${ORIGIN}/story?print=1`)).toBe(false);
  });

  it('applies the same rules to the http and https forms of the host', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /drafts/\n', 'http://news.example', UA);

    expect(rules.isAllowed('https://news.example/drafts/plan')).toBe(false);
  });

  it('always allows robots.txt itself', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /\n', ORIGIN, UA);

    expect(rules.isAllowed(`${ORIGIN}/robots.txt`)).toBe(true);
    expect(rules.isAllowed(`${ORIGIN}/`)).toBe(false);
  });

  it('reads the crawl-delay of the group that applies, in milliseconds', () => {
    const rules = parseRobots(
      'User-agent: *\nCrawl-delay: 10\n\nUser-agent: eventwire\nCrawl-delay: 2.5\n',
      ORIGIN,
      UA,
    );

    expect(rules.crawlDelayMs()).toBe(2500);
  });

  it('ignores comments, blank lines and unknown fields', () => {
    const rules = parseRobots(
      '# house rules\n\nUser-agent: * # everyone\nNoindex: /x\nDisallow: /tmp # scratch\n',
      ORIGIN,
      UA,
    );

    expect(rules.isAllowed(`${ORIGIN}/tmp/a`)).toBe(false);
    expect(rules.isAllowed(`${ORIGIN}/x`)).toBe(true);
  });
});

describe('productToken', () => {
  it.each([
    ['eventwire/0.1 (+https://example.org)', 'eventwire'],
    ['MyBot', 'mybot'],
    ['Some Crawler 2.0', 'some'],
    ['', '*'],
  ])('takes %j to %j', (userAgent, token) => {
    expect(productToken(userAgent)).toBe(token);
  });
});
