/**
 * Main-text quality metric of the Scrapinghub article-extraction-benchmark, reproduced exactly
 * so our figures compare with published ones: `\w+` Unicode tokens, 4-token shingles with counts,
 * per-page tp/fp/fn normalised by their sum, precision and recall averaged over pages, F1 of means.
 */

// Python's Unicode `\w`: letters, numbers and underscore (combining marks are not word characters).
const WORD = /[\p{L}\p{N}_]+/gu;

/** Tokens of a text as the benchmark's `re.findall(r'\w+', text)` sees them. */
export function benchmarkTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

function shingleCounts(tokens: readonly string[], size = 4): Map<string, number> {
  const counts = new Map<string, number>();
  // A text shorter than the shingle size still yields one (shorter) shingle, as in the benchmark.
  const last = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + size).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Per-page counts normalised so that tp + fp + fn = 1 (or all zero). */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

/** Scores one predicted text against the true article body. */
export function scorePage(expected: string, predicted: string): PageScore {
  const trueTokens = benchmarkTokens(expected);
  const predTokens = benchmarkTokens(predicted);
  const truth = shingleCounts(trueTokens);
  const pred = shingleCounts(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, p] of pred) {
    const t = truth.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
  }
  for (const [key, t] of truth) fn += Math.max(0, t - (pred.get(key) ?? 0));
  const sum = tp + fp + fn;
  const exact = trueTokens.length === predTokens.length && trueTokens.every((tok, i) => tok === predTokens[i]);
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact } : { tp: 0, fp: 0, fn: 0, exact };
}

/** Aggregate figures over a set of pages. */
export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: number;
}

function ratio(scores: readonly PageScore[], miss: (s: PageScore) => number): number {
  const values: number[] = [];
  for (const s of scores) {
    if (s.fp === 0 && s.fn === 0) values.push(1);
    else if (s.tp + miss(s) > 0) values.push(s.tp / (s.tp + miss(s)));
  }
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Means of per-page precision and recall, F1 of the means, and exact-token accuracy. */
export function aggregateScores(scores: readonly PageScore[]): CorpusScore {
  const precision = ratio(scores, (s) => s.fp);
  const recall = ratio(scores, (s) => s.fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = scores.length === 0 ? 0 : scores.filter((s) => s.exact).length / scores.length;
  return { precision, recall, f1, accuracy, pages: scores.length };
}
