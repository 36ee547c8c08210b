import { describe, expect, it } from 'vitest';
import { aggregateScores, benchmarkTokens, scorePage } from '../../../src/extract/eval/shingle-metric.js';

describe('benchmark shingle metric', () => {
  it('tokenises Unicode words like Python re \\w+', () => {
    expect(benchmarkTokens('Straße, naïve café_2 — 東京!')).toEqual(['Straße', 'naïve', 'café_2', '東京']);
  });

  it('scores an exact copy as perfect and accurate', () => {
    const score = aggregateScores([scorePage('one two three four five', 'one  two three four five')]);

    expect(score).toEqual({ precision: 1, recall: 1, f1: 1, accuracy: 1, pages: 1 });
  });

  it('normalises per page so extra boilerplate lowers precision but not recall', () => {
    const page = scorePage('a b c d e', 'a b c d e x y z w');

    expect(page.tp + page.fp + page.fn).toBeCloseTo(1);
    const score = aggregateScores([page]);
    expect(score.recall).toBe(1);
    expect(score.precision).toBeCloseTo(2 / 6);
    expect(score.accuracy).toBe(0);
  });

  it('treats a text shorter than four tokens as one shingle', () => {
    const score = aggregateScores([scorePage('just two', 'just two')]);

    expect(score.f1).toBe(1);
  });
});
