import { benchmarkTokens } from './shingle-metric.js';

/**
 * WCXB's word metric: lower-cased `\w+` tokens as a bag, overlap = sum of per-token minimum
 * counts, precision and recall against the two bag sizes, averaged per page by the caller.
 * An empty truth scores 1 only when the prediction is empty too, as in WCXB's evaluate.py.
 */
export interface WordScore {
  precision: number;
  recall: number;
  f1: number;
}

function bag(text: string): { counts: Map<string, number>; size: number } {
  const counts = new Map<string, number>();
  const tokens = benchmarkTokens(text.toLowerCase());
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return { counts, size: tokens.length };
}

/** Word precision, recall and F1 of one predicted text against the true main text. */
export function wordScore(expected: string, predicted: string): WordScore {
  const truth = bag(expected);
  const pred = bag(predicted);
  if (truth.size === 0)
    return pred.size === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 };
  if (pred.size === 0) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const [token, count] of pred.counts) overlap += Math.min(count, truth.counts.get(token) ?? 0);
  const precision = overlap / pred.size;
  const recall = overlap / truth.size;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Mean, median and the count of pages under 0.5 of per-page F1 values. */
export interface Spread {
  mean: number;
  median: number;
  underHalf: number;
  pages: number;
}

/** Summarises per-page F1 values: the mean hides a tail that the median and the count show. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: 0, median: 0, underHalf: 0, pages: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, median, underHalf: values.filter((v) => v < 0.5).length, pages: values.length };
}
