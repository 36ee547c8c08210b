import { describe, expect, it } from 'vitest';
import { contentHash, hammingDistance, simhash64 } from '../../../src/extract/index.js';
import { BODY_PARAGRAPHS } from './pages.js';

const story = BODY_PARAGRAPHS.join('\n\n');
const other =
  'Astronomers using a new southern telescope have catalogued thousands of faint dwarf galaxies around the nearest large spiral, a survey that took four winters of observing and careful calibration of the camera. The team says the count is far higher than older models predicted and hopes follow-up spectra will settle how old the smallest of them are.';

describe('simhash64', () => {
  it('gives near-identical texts a small hamming distance', () => {
    const edited = story.replace('next month', 'in April');

    expect(hammingDistance(simhash64(story), simhash64(edited))).toBeLessThanOrEqual(10);
  });

  it('gives unrelated texts a large hamming distance', () => {
    expect(hammingDistance(simhash64(story), simhash64(other))).toBeGreaterThanOrEqual(20);
  });

  it('ignores case and spacing differences entirely', () => {
    expect(simhash64(story.toUpperCase().replace(/ /g, '  '))).toBe(simhash64(story));
  });

  it('fits in 64 bits', () => {
    expect(simhash64(story) >= 0n && simhash64(story) < 1n << 64n).toBe(true);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance(0b1011n, 0b0010n)).toBe(2);
    expect(hammingDistance(0n, (1n << 64n) - 1n)).toBe(64);
  });
});

describe('contentHash', () => {
  it('is the same for texts that differ only in case and whitespace', () => {
    expect(contentHash('Council  closes\nthe pier')).toBe(contentHash('council closes the PIER'));
  });

  it('differs when a word changes and is 64 hex characters', () => {
    expect(contentHash('council closes the pier')).not.toBe(contentHash('council opens the pier'));
    expect(contentHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
