import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/demo-site/front-matter.js';

describe('parseFrontMatter', () => {
  it('reads strings, booleans and lists from the front matter', () => {
    const text = '---\nheadline: "Talks: day two"\npaywall: true\ntags: [Peru, Chile]\n---\nBody.\n';

    const { data } = parseFrontMatter(text);

    expect(data).toEqual({ headline: 'Talks: day two', paywall: true, tags: ['Peru', 'Chile'] });
  });

  it('splits the body into paragraphs at blank lines and joins wrapped lines', () => {
    const text = '---\nheadline: H\n---\nFirst line\ncontinues here.\n\n\nSecond paragraph.\r\n';

    const { paragraphs } = parseFrontMatter(text);

    expect(paragraphs).toEqual(['First line continues here.', 'Second paragraph.']);
  });

  it('rejects a document without an opening fence', () => {
    expect(() => parseFrontMatter('headline: H\n\nBody')).toThrow(/front-matter fence/);
  });

  it('rejects a front-matter line that is not key: value', () => {
    expect(() => parseFrontMatter('---\njust words\n---\nBody')).toThrow(/key: value/);
  });
});
