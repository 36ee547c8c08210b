import { describe, expect, it } from 'vitest';
import {
  COPY_SHARE,
  claimantOf,
  claimKeysOf,
  demotionOf,
  PARAGRAPH_SAMPLE,
  paragraphHashes,
  paragraphOwner,
} from '../../../src/copies/policy.js';

const paragraph = (n: number) =>
  `Paragraph number ${n} of the story tells readers what the ministers said about prices and supply.`;
const story = (count: number) => Array.from({ length: count }, (_, n) => paragraph(n)).join('\n\n');
const source = (text: string, canonical = 'https://a.example/1') => ({
  listedCanonical: 'https://a.example/1',
  canonical,
  text,
  contentHash: 'h-text',
});

describe('the claims an article takes', () => {
  it('are a sample of its paragraphs, and its canonical URL only when the page moved from the listed one', () => {
    const keys = claimKeysOf(source(story(10)));
    const moved = claimKeysOf(source(story(10), 'https://a.example/story'));

    expect(keys.exact).toEqual([]);
    expect(keys.paragraphs).toHaveLength(PARAGRAPH_SAMPLE);
    expect(keys.paragraphs.every((key) => key.startsWith('PARA#'))).toBe(true);
    expect(moved.exact).toEqual([expect.stringMatching(/^CANONICAL#/)]);
  });

  it('fall back to the whole-text hash when fewer than two paragraphs are substantial', () => {
    const keys = claimKeysOf(source(`${paragraph(1)}\n\nToo short.\n\nBy a reporter`));

    expect(keys).toEqual({ exact: ['HASH#h-text'], paragraphs: [] });
  });

  it('ignore markup, case and punctuation differences between copies of a paragraph', () => {
    expect(paragraphHashes(`${paragraph(1)}\n\n${paragraph(2)}`)).toEqual(
      paragraphHashes(`${paragraph(1).toUpperCase()}!!\n\n  ${paragraph(2).replace(/ /g, ' - ')}`),
    );
  });
});

describe('which article a copy copies', () => {
  const claimant = claimantOf('b-copy', '2026-10-05T12:00:00Z');

  it(`is the one owning at least ${COPY_SHARE * 100}% of its paragraph claims`, () => {
    expect(paragraphOwner(claimant, ['a', 'a', 'a', 'b-copy', 'b-copy'], 5)).toBe('a');
    expect(paragraphOwner(claimant, ['a', 'a', 'b-copy', 'b-copy', 'b-copy'], 5)).toBeNull();
  });

  it('is none when the paragraphs are split between two earlier articles, neither reaching the share', () => {
    expect(paragraphOwner(claimant, ['z', 'z', 'z', 'a', 'a', 'a'], 6)).toBeNull();
  });

  it('ranks an earlier publication first, an undated article last, and equal times by id', () => {
    const ranks = [
      claimantOf('b', '2026-10-05T08:00:00Z'),
      claimantOf('a', null),
      claimantOf('a', '2026-10-05T08:00:00Z'),
      claimantOf('c', '2026-10-04T23:00:00Z'),
    ]
      .sort((x, y) => x.rank.localeCompare(y.rank))
      .map((c) => c.articleId);

    expect(ranks).toEqual(['c', 'a', 'b', 'a']);
  });
});

describe('demoting an outranked article', () => {
  it('keeps a pending article pending, for its fetch to link it', () => {
    expect(demotionOf({ status: 'pending', duplicate_of: null }, 'first')).toEqual({
      status: 'pending',
      needsCoding: false,
    });
  });

  it('sends a coded or linked article back to the code stage as stored', () => {
    expect(demotionOf({ status: 'coded', duplicate_of: null }, 'first')).toEqual({
      status: 'stored',
      needsCoding: true,
    });
    expect(demotionOf({ status: 'duplicate', duplicate_of: 'other' }, 'first')).toEqual({
      status: 'stored',
      needsCoding: true,
    });
  });

  it('lets a stored article keep its own code message coming', () => {
    expect(demotionOf({ status: 'stored', duplicate_of: null }, 'first')).toEqual({
      status: 'stored',
      needsCoding: false,
    });
  });

  it('writes nothing again on a retry, but sends another code message for a stored article', () => {
    expect(demotionOf({ status: 'stored', duplicate_of: 'first' }, 'first')).toEqual({
      status: null,
      needsCoding: true,
    });
    expect(demotionOf({ status: 'duplicate', duplicate_of: 'first' }, 'first')).toEqual({
      status: null,
      needsCoding: false,
    });
  });

  it('leaves failed and skipped articles as they are', () => {
    expect(demotionOf({ status: 'failed', duplicate_of: null }, 'first')).toEqual({ status: null, needsCoding: false });
    expect(demotionOf({ status: 'skipped', duplicate_of: null }, 'first')).toEqual({
      status: null,
      needsCoding: false,
    });
  });
});
