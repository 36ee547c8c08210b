import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, InvalidUrlError } from '../../../src/fetch/index.js';

describe('canonicalUrl', () => {
  it.each([
    ['HTTP://WWW.Example.COM/News', 'http://www.example.com/News'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/a#comments', 'https://example.com/a'],
    ['https://example.com/story/', 'https://example.com/story'],
    ['https://example.com/story//', 'https://example.com/story'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/a?utm_source=rss&utm_medium=feed&id=7', 'https://example.com/a?id=7'],
    ['https://example.com/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=3&ref=home&cmpid=9', 'https://example.com/a'],
    ['https://example.com/a?UTM_Campaign=spring&p=2', 'https://example.com/a?p=2'],
    ['https://example.com/a?z=1&a=2&m=3', 'https://example.com/a?a=2&m=3&z=1'],
    ['https://example.com/%7Euser/%61rticle', 'https://example.com/~user/article'],
    ['https://example.com/a%2fb?q=%2f', 'https://example.com/a%2Fb?q=%2F'],
    ['https://bücher.example/titel', 'https://xn--bcher-kva.example/titel'],
    ['https://user:secret@example.com/a', 'https://example.com/a'],
    ['https://example.com./a', 'https://example.com/a'],
  ])('normalises %s to %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it.each([['not a url'], ['ftp://example.com/file'], ['javascript:alert(1)'], ['mailto:desk@example.com'], ['']])(
    'rejects %j with InvalidUrlError',
    (input) => {
      expect(() => canonicalUrl(input)).toThrow(InvalidUrlError);
    },
  );

  it('prefers a rel=canonical on the same site, ignoring www.', () => {
    const url = canonicalUrl('https://www.example.com/story?id=7&utm_source=x', {
      canonical: 'https://example.com/politics/story-7/',
      ogUrl: 'https://example.com/og',
    });

    expect(url).toBe('https://example.com/politics/story-7');
  });

  it('accepts a canonical on another subdomain of the same registrable domain', () => {
    expect(canonicalUrl('https://amp.news.example.co.uk/a', { canonical: 'https://www.news.example.co.uk/a' })).toBe(
      'https://www.news.example.co.uk/a',
    );
  });

  it('ignores a canonical on a different registrable domain, even under the same public suffix', () => {
    expect(canonicalUrl('https://news.example.co.uk/a', { canonical: 'https://other.co.uk/a' })).toBe(
      'https://news.example.co.uk/a',
    );
  });

  it('falls back to og:url when there is no usable canonical', () => {
    expect(
      canonicalUrl('https://example.com/a?x=1', { canonical: 'https://evil.example.net/a', ogUrl: '/real-a' }),
    ).toBe('https://example.com/real-a');
  });

  it('resolves a relative canonical against the page URL', () => {
    expect(canonicalUrl('https://example.com/section/a', { canonical: '../b' })).toBe('https://example.com/b');
  });

  it('keeps https when a same-site canonical says http', () => {
    expect(canonicalUrl('https://example.com/a', { canonical: 'http://example.com/a' })).toBe('https://example.com/a');
  });

  it('ignores blank and unparsable hints', () => {
    expect(canonicalUrl('https://example.com/a', { canonical: '   ', ogUrl: 'http://[bad' })).toBe(
      'https://example.com/a',
    );
  });

  it('returns a string or throws InvalidUrlError for any input, and is idempotent', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 60 });
    const anyInput = fc.oneof(
      anyText,
      anyText.map((text) => `http://${text}`),
      anyText.map((text) => `https://news.example/${text}`),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
    );
    fc.assert(
      fc.property(anyInput, (input) => {
        let once: string;
        try {
          once = canonicalUrl(input);
        } catch (error) {
          return error instanceof InvalidUrlError;
        }
        return canonicalUrl(once) === once;
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent on a path whose dot segment survives the first parse (found by the property below)', () => {
    const once = canonicalUrl('http://a.aa//.&/.?');

    expect(canonicalUrl(once)).toBe(once);
    expect(once).toBe('http://a.aa//.&');
  });

  it('is idempotent on URLs with awkward paths and queries', () => {
    const segment = fc.stringMatching(/^[a-zA-Z0-9%._~!$&'()*+,;=:@/ -]{0,12}$/);
    const awkwardUrl = fc
      .tuple(
        fc.constantFrom('http', 'https', 'HTTP'),
        fc.domain(),
        fc.array(segment, { maxLength: 4 }),
        fc.array(segment, { maxLength: 4 }),
      )
      .map(([scheme, host, path, query]) => `${scheme}://${host}/${path.join('/')}?${query.join('&')}`);
    fc.assert(
      fc.property(awkwardUrl, (input) => {
        const once = canonicalUrl(input);
        return canonicalUrl(once) === once;
      }),
      { numRuns: 1000 },
    );
  });
});
