import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/extract/html-document.js';
import { narrowToMainRegion } from '../../../src/extract/main-region.js';
import { placedBlocks } from '../../../src/extract/text-blocks.js';
import { BODY_PARAGRAPHS } from './pages.js';

const story = BODY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

function narrowed(html: string): { body: string; region: Element | null } {
  const document = parseDocument(html);
  const body = document.body as Element;
  const region = narrowToMainRegion(body, placedBlocks(body));
  return { body: body.textContent ?? '', region };
}

describe('narrowToMainRegion', () => {
  it('leaves only the main element when it holds nearly all of the prose', () => {
    const html = `<html><body><div class="top"><a href="/">Bay Herald</a> <span>Tuesday</span></div><div class="wrap"><main><article>${story}</article></main><div class="rail"><p>Tide tables</p></div></div></body></html>`;

    const { body, region } = narrowed(html);

    expect(region?.tagName).toBe('MAIN');
    expect(body).toContain(BODY_PARAGRAPHS[3]);
    expect(body).not.toContain('Tide tables');
    expect(body).not.toContain('Bay Herald');
  });

  it('leaves the page alone when much prose lies outside the main element', () => {
    const html = `<html><body><main>${story.slice(0, 400)}</main><section>${story}</section></body></html>`;

    const { body, region } = narrowed(html);

    expect(region).toBeNull();
    expect(body).toContain(BODY_PARAGRAPHS[3]);
  });

  it('leaves the page alone when it has several article elements (a list of stories)', () => {
    const html = `<html><body><article>${story}</article><article>${story}</article></body></html>`;

    expect(narrowed(html).region).toBeNull();
  });
});
