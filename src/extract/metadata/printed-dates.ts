import { toIsoDate } from './dates.js';

/**
 * Dates a page prints for readers near the top of the article ("Published March 5, 2024",
 * "Updated 6:55 AM EST, Nov 19, 2019 | First published Nov 18"), for pages whose markup states
 * none. A line counts only when it is short and names a full date with its year; a line that
 * says updated or modified gives the modification date.
 */

export interface PrintedDates {
  published: string | null;
  modified: string | null;
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const FULL_DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+(19|20)\\d{2}\\b|\\b\\d{1,2}(st|nd|rd|th)?\\s+(of\\s+)?${MONTH},?\\s+(19|20)\\d{2}\\b|\\b(19|20)\\d{2}-\\d{2}-\\d{2}\\b`,
  'i',
);
const UPDATED = /\b(updated?|modified|revised|edited)\b/i;
// Where one line holds both dates: "Published ... | Updated ...".
const PARTS = /\s+[|·•—–]\s+|(?=\b(?:last\s+)?(?:updated?|modified|revised)\b)/i;
const MAX_WORDS = 20;

/** The first published and modified dates printed in the lines, in ISO 8601 (UTC). */
export function printedDates(lines: readonly string[]): PrintedDates {
  const found: PrintedDates = { published: null, modified: null };
  for (const line of lines) {
    if (line.split(/\s+/).length > MAX_WORDS || !FULL_DATE.test(line)) continue;
    for (const part of line.split(PARTS)) {
      if (!FULL_DATE.test(part)) continue;
      const iso = toIsoDate(part);
      if (iso === null) continue;
      if (UPDATED.test(part)) found.modified ??= iso;
      else found.published ??= iso;
    }
    if (found.published !== null && found.modified !== null) break;
  }
  return found;
}
