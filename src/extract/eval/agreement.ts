import { decodeHTML } from 'entities';

/**
 * Agreement of extracted metadata with a benchmark's meta: headlines compared after entity,
 * Unicode, case and whitespace folding; dates compared by calendar day.
 */

/** A headline folded for comparison: entities decoded, NFKC, lower case, whitespace collapsed. */
export function foldHeadline(value: string): string {
  return decodeHTML(value).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether an extracted headline equals the true one after folding. */
export function sameHeadline(truth: string, extracted: string | null): boolean {
  return extracted !== null && foldHeadline(truth) === foldHeadline(extracted);
}

/** Whether an extracted ISO date (or date-time) falls on the true day (YYYY-MM-DD). */
export function sameDay(truth: string, extracted: string | null): boolean {
  return extracted !== null && extracted.slice(0, 10) === truth.slice(0, 10);
}
