import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { BODY_PARAGRAPHS } from './pages.js';

/** Small synthetic pages, one per class of page that extraction used to get wrong (our own words). */

const URL = 'https://www.bayherald.example.com/news/2024/03/05/ferry-pier-closes';
const paragraphs = BODY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

function expectWholeBody(text: string): void {
  for (const paragraph of BODY_PARAGRAPHS) expect(text).toContain(paragraph);
}

describe('extractArticle on pages with unusual markup', () => {
  it('reads a body that the server streams into a hidden container for a script to reveal', () => {
    const html = `<html><head><title>Pier</title></head><body><div hidden id="S:0"><nav><a href="/">Home</a></nav><article><h1>Council closes the old ferry pier</h1>${paragraphs}</article></div><template id="B:0"></template></body></html>`;

    expectWholeBody(extractArticle(html, { url: URL }).text);
  });

  it('puts streamed parts in their places, in order, without their loading fallbacks', () => {
    const [p1, p2, p3, p4] = BODY_PARAGRAPHS.map((p) => `<p>${p}</p>`);
    const swaps = '<script>$RC("B:0","S:1");$RS("S:0","P:0")</script>';
    const html = `<html><head><title>Pier</title></head><body><article><h1>Council closes the old ferry pier</h1>${p1}<!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$--><template id="P:0"></template>${p4}</article><footer><p>Bay Herald</p></footer><div hidden id="S:0">${p3}</div><div hidden id="S:1">${p2}</div>${swaps}</body></html>`;

    const text = extractArticle(html, { url: URL }).text;

    expect(text.split('\n\n')).toEqual(BODY_PARAGRAPHS);
  });

  it('still drops a short hidden menu', () => {
    const html = `<html><body><div hidden><p>Open the menu to browse every section of the site.</p></div><article>${paragraphs}</article></body></html>`;

    expect(extractArticle(html, { url: URL }).text).not.toContain('Open the menu');
  });

  it('cleans the body as usual when an element stands between the head and the body tag', () => {
    const pitch =
      '<div class="newsletter-box"><p>Get the morning briefing from the harbour desk in your inbox every day, free.</p></div>';
    const html = `<html><head><title>Pier</title></head><div class="ad-slot-top"></div><body><article>${paragraphs}${pitch}</article></body></html>`;

    const text = extractArticle(html, { url: URL }).text;

    expectWholeBody(text);
    expect(text).not.toContain('morning briefing');
  });

  it('reads the body when an unclosed aside swallows the rest of the page', () => {
    const html = `<html><head><title>Pier</title></head><body><aside class="banner"><p>Tickets for the spring fair are on sale.</p><main><article>${paragraphs}</article></main></body></html>`;

    expectWholeBody(extractArticle(html, { url: URL }).text);
  });
});

/** A list article: each item a card of its own, as list and guide pages lay them out. */
function cardListPage(extra = ''): string {
  const cards = BODY_PARAGRAPHS.map(
    (p, i) =>
      `<div class="card-wrap"><div class="card"><div class="card-head"><h3>Stop ${i + 1} on the harbour walk</h3><span>Old town</span></div><div class="card-text"><div><p>${p}</p></div></div></div></div>`,
  ).join('<div class="ad-slot">Advertisement</div>');
  return `<html><head><title>Harbour walk</title></head><body><header><a href="/">Bay Herald</a></header><main><h1>Four stops on the harbour walk</h1><div class="intro"><p>${(BODY_PARAGRAPHS[0] ?? '').split(',')[0]}, a short guide.</p></div><section class="cards">${cards}</section>${extra}</main></body></html>`;
}

/** A guide whose sections sit in boxes with a class a content scorer reads as a sidebar widget. */
function widgetGuidePage(extra = ''): string {
  const section = (p: string, i: number): string =>
    `<div class="editor-widget"><div class="col"><h6>Ferry model ${i}</h6><p>${p}</p><a href="/r">Read our full review of this model</a></div></div>`;
  const intro =
    '<p>Four ferry models serve the bay this year, and we rode each of them on the morning crossing.</p><p>Here is how they compare on comfort, speed and the view from the deck.</p>';
  return `<html><head><title>Guide</title></head><body><main><article><h1>The best ferries</h1><div class="guide-body">${intro}${BODY_PARAGRAPHS.map(section).join('')}${extra}</div></article></main></body></html>`;
}

describe('extractArticle on articles split into parts', () => {
  it('keeps every card of a list article, not only the best scored one', () => {
    const text = extractArticle(cardListPage(), { url: URL }).text;

    expectWholeBody(text);
    expect(text).toContain('Stop 3 on the harbour walk');
  });

  it('keeps the sections of a guide that sit in boxes a content scorer distrusts by class name', () => {
    const text = extractArticle(widgetGuidePage(), { url: URL }).text;

    expectWholeBody(text);
  });

  it('does not widen the article into a reader comment thread', () => {
    const said =
      'wrote that the ferry guide was useful but the timetable boards along the seafront were faded and hard to read in the rain';
    const comment = (who: string): string =>
      `<li class="comment-item"><div class="comment-content"><p>${who} ${said}.</p><p>${who} also asked the council to replace them before the summer season starts, since visitors often miss the last boat of the evening and then wait an hour for a taxi.</p><p>${who} added that the cafe by the pier should open earlier for the first crossing of the day.</p><p>${who} thanked the harbour staff, who had kept the old boats running through three hard winters without complaint.</p></div></li>`;
    const thread = `<ol class="comment-list">${['Ann', 'Ben', 'Cy'].map(comment).join('')}</ol>`;

    const text = extractArticle(widgetGuidePage(thread), { url: URL }).text;

    expectWholeBody(text);
    expect(text).not.toContain('faded and hard to read');
  });
});

describe('extractArticle keeps template filler out', () => {
  it('drops placeholder text that a page template left in, however long', () => {
    const filler =
      '<div class="promo-card"><h3>Heading Line</h3><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</p></div>';

    const text = extractArticle(`<html><body><article>${paragraphs}${filler}</article></body></html>`, {
      url: URL,
    }).text;

    expectWholeBody(text);
    expect(text).not.toContain('Lorem ipsum');
  });
});

describe('extractArticle keeps forms out', () => {
  it('does not widen the article into a form that sits beside its parts', () => {
    const form =
      '<form action="/contact"><p>Leave your details and the ferry desk will send you the new timetable as soon as the council publishes it next month.</p><label>First name*</label><label>Email*</label></form>';

    const text = extractArticle(widgetGuidePage(form), { url: URL }).text;

    expectWholeBody(text);
    expect(text).not.toContain('Leave your details');
    expect(text).not.toContain('First name');
  });
});

describe('extractArticle keeps the structure of a story', () => {
  it('keeps a table, a list and a block quote that sit in boxes a content scorer distrusts by class name', () => {
    const rows = ['Monday 07:10 07:40', 'Tuesday 07:10 07:40', 'Wednesday 08:00 08:30']
      .map(
        (r) =>
          `<tr>${r
            .split(' ')
            .map((c) => `<td>${c}</td>`)
            .join('')}</tr>`,
      )
      .join('');
    const html = `<html><body><article><h1>Ferry pier closes</h1>${paragraphs}<div class="media-widget"><table><tr><th>Day</th><th>Leaves</th><th>Arrives</th></tr>${rows}</table></div><div class="tips-widget"><ul><li>Bring a printed ticket</li><li>Arrive ten minutes early</li><li>Bicycles ride free</li></ul></div><blockquote><p>We will find a way to keep the island connected, whatever the engineers tell us next month.</p></blockquote><p>${BODY_PARAGRAPHS[0]}</p></article></body></html>`;

    const text = extractArticle(html, { url: URL }).text;

    expectWholeBody(text);
    expect(text).toContain('Tuesday 07:10 07:40');
    expect(text).toContain('Arrive ten minutes early');
    expect(text).toContain('keep the island connected');
  });
});

describe('extractArticle on pages whose body is stated in data', () => {
  const shell =
    '<body><div id="app"><header><a href="/">Bay Herald</a></header><h1>Council closes the old ferry pier</h1><p>Loading the story…</p></div></body>';

  it('takes the JSON-LD articleBody when the HTML is a shell that a script fills', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Council closes the old ferry pier',
      articleBody: BODY_PARAGRAPHS.join('\n'),
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head>${shell}</html>`;

    const text = extractArticle(html, { url: URL }).text;

    expect(text.split('\n\n')).toEqual(BODY_PARAGRAPHS);
  });

  it("takes the body from the framework's hydration data when nothing else holds it", () => {
    const data = JSON.stringify({
      props: { pageProps: { story: { title: 'Council closes the old ferry pier', html: paragraphs } } },
    });
    const html = `<html><head></head>${shell.replace('</body>', `<script id="__NEXT_DATA__" type="application/json">${data}</script></body>`)}</html>`;

    expectWholeBody(extractArticle(html, { url: URL }).text);
  });

  it('drops a paragraph that the complete stated articleBody does not hold', () => {
    const promo = 'Hear our weekly podcast about island life wherever you listen.';
    const ld = JSON.stringify({ '@type': 'NewsArticle', articleBody: BODY_PARAGRAPHS.join('\n\n') });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article>${paragraphs}<p>${promo}</p></article></body></html>`;

    const text = extractArticle(html, { url: URL }).text;

    expectWholeBody(text);
    expect(text).not.toContain('podcast about island life');
  });
});

/** A tag page: a column of teasers, each a linked headline, a date and a one-line blurb. */
function tagPage(head: string): string {
  const teasers = Array.from(
    { length: 10 },
    (_, i) =>
      `<div class="teaser"><h3><a href="/news/2024/03/0${i}/story-${i}">Harbour story number ${i} about the ferry service</a></h3><span>5 March 2024</span><p>A short summary of story ${i}, which tells readers what happened at the harbour this week.</p></div>`,
  ).join('');
  return `<html><head><title>Ferries | Bay Herald</title>${head}</head><body><nav><a href="/">Home</a></nav><main><h1>Ferries</h1><div class="stream">${teasers}</div></main></body></html>`;
}

describe('extractArticle on listing pages', () => {
  it('flags a tag page of teasers as not an article and invents no body from its blurbs', () => {
    const article = extractArticle(tagPage('<meta property="og:type" content="website">'), {
      url: 'https://www.bayherald.example.com/tag/ferries',
    });

    expect(article.flags.notArticle).toBe(true);
    expect(article.text).toBe('');
  });

  it('keeps the text of a list article whose metadata says it is an article', () => {
    const article = extractArticle(tagPage('<meta property="og:type" content="article">'), {
      url: 'https://www.bayherald.example.com/news/ten-ferry-stories',
    });

    expect(article.flags.notArticle).toBe(false);
    expect(article.text).toContain('A short summary of story 3');
  });
});

describe('extractArticle on live blogs', () => {
  it('keeps every update of a live page, split by ads and share bars', () => {
    const updates = [
      'The first crossing of the morning was held in port after the harbour master reported gusts above the safe limit.',
      'Council members will meet at noon to decide whether the pier closes for good, a spokesperson for the chair said.',
      'Engineers released photos of the cracked supports, showing gaps wide enough to fit a hand between concrete and steel.',
      'Around a hundred residents gathered at the harbour gate with signs asking the council to keep a crossing running.',
      'The council voted seven to two to close the pier, with two members asking for a second survey before demolition.',
    ];
    const entry = (p: string, i: number): string =>
      `<article class="live-update"><time datetime="2024-03-05T0${i}:00:00Z">0${i}:00</time><h2>Update ${i + 1}</h2><div class="update-body"><p>${p}</p></div><div class="share-tools"><a href="#">Share</a></div></article>`;
    const html = `<html><head><title>Live: pier vote | Bay Herald</title></head><body><main><h1>Live: the council votes on the ferry pier</h1><div class="live-feed">${updates.map(entry).join('<div class="ad-slot">Advertisement</div>')}</div></main></body></html>`;

    const text = extractArticle(html, { url: URL }).text;

    for (const update of updates) expect(text).toContain(update);
    expect(text).not.toContain('Advertisement');
    expect(text).not.toContain('Live: the council votes');
  });
});
