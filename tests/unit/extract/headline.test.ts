import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { chooseHeadline, type HeadlineSources } from '../../../src/extract/metadata/headline.js';

const URL = 'https://www.bayherald.example.com/news/2024/03/05/ferry-pier-closes';

function sources(partial: Partial<HeadlineSources>): HeadlineSources {
  return {
    h1s: [],
    jsonLdHeadline: null,
    jsonLdName: null,
    ogTitle: null,
    twitterTitle: null,
    documentTitle: null,
    siteNames: [],
    url: URL,
    ...partial,
  };
}

describe('chooseHeadline', () => {
  it('decodes entities that a page escaped twice', () => {
    const title = chooseHeadline(sources({ ogTitle: 'Ferry pier closes &amp;#8211; what it means for the island' }));

    expect(title).toBe('Ferry pier closes – what it means for the island');
  });

  it("cuts the site's name off a title, after or before the headline", () => {
    const after = chooseHeadline(sources({ documentTitle: 'Council closes the old ferry pier | Bay Herald' }));
    const before = chooseHeadline(
      sources({ documentTitle: 'Bay Herald - Council closes the old ferry pier', siteNames: ['Bay Herald'] }),
    );

    expect(after).toBe('Council closes the old ferry pier');
    expect(before).toBe('Council closes the old ferry pier');
  });

  it('cuts a short section label after a bar but keeps a dash that belongs to the headline', () => {
    const section = chooseHeadline(sources({ ogTitle: 'Why the ferry mattered to the island | Opinion | Bay Herald' }));
    const dash = chooseHeadline(
      sources({ h1s: ['Harbour - island talks resume'], ogTitle: 'Harbour - island talks resume' }),
    );

    expect(section).toBe('Why the ferry mattered to the island');
    expect(dash).toBe('Harbour - island talks resume');
  });

  it('prefers the visible h1 that a metadata title confirms over a lead sentence in JSON-LD headline', () => {
    const title = chooseHeadline(
      sources({
        h1s: ['Bay Herald', 'Council closes the old ferry pier'],
        jsonLdHeadline:
          'The harbour council voted on Tuesday to close the old ferry pier after engineers found deep cracks in its supports, ending a service that had run for more than sixty years and leaving many residents without a crossing.',
        jsonLdName: 'Council closes the old ferry pier',
        siteNames: ['Bay Herald'],
      }),
    );

    expect(title).toBe('Council closes the old ferry pier');
  });

  it('leaves out a dateline or byline that the page prints inside its h1', () => {
    const after = chooseHeadline(
      sources({
        h1s: ['Ferry pier closes for good Posted on March 5, 2024 by Jane Example'],
        ogTitle: 'Ferry pier closes for good',
      }),
    );
    const before = chooseHeadline(sources({ h1s: ['Mar 5 2024 Ferry pier closes for good'] }));

    expect(after).toBe('Ferry pier closes for good');
    expect(before).toBe('Ferry pier closes for good');
  });

  it('keeps the h1 when the metadata title is a shortened search title', () => {
    const title = chooseHeadline(
      sources({
        h1s: ['Council closes the old ferry pier after engineers find cracks'],
        ogTitle: 'Council closes old ferry pier | Bay Herald',
      }),
    );

    expect(title).toBe('Council closes the old ferry pier after engineers find cracks');
  });
});

describe('extractArticle title', () => {
  it('reports the headline without the site suffix of the <title>', () => {
    const html =
      '<html><head><title>Council closes the old ferry pier &#8211; Bay Herald</title></head><body><article><p>The harbour council voted on Tuesday to close the old ferry pier after engineers found deep cracks.</p></article></body></html>';

    expect(extractArticle(html, { url: URL }).title).toBe('Council closes the old ferry pier');
  });
});
