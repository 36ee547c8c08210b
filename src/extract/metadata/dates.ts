import * as chrono from 'chrono-node';
import { isCalendarDate } from '../../core/dates.js';

/**
 * Normalises the many date spellings of news pages to ISO 8601 (UTC). Machine formats go
 * through `Date.parse`; human ones ("Nov. 19, 2019 6:55 AM") through chrono-node.
 */

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}/;
const EPOCH = /^\d{10}(\d{3})?$/;

// Dates outside this window are parse accidents (years like 0019 or 20190).
function plausible(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1990 && year <= 2100;
}

/** ISO 8601 form of a date string, or null when it is not a plausible date. */
export function toIsoDate(value: string | null | undefined): string | null {
  const raw = value?.trim();
  if (raw === undefined || raw.length === 0) return null;
  if (EPOCH.test(raw)) {
    const date = new Date(raw.length === 10 ? Number(raw) * 1000 : Number(raw));
    return plausible(date) ? date.toISOString() : null;
  }
  if (ISO_LIKE.test(raw)) {
    // Date.parse would move a day that does not exist (2024-02-30) to one that does: such a date is no date.
    if (!isCalendarDate(raw.slice(0, 10))) return null;
    // "2019-11-19 10:07:00" lacks the T that Date.parse needs on some engines; a time without a
    // zone is read as UTC, never as the local time of whatever machine runs the extraction.
    let iso = raw.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
    if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) iso += 'Z';
    const date = new Date(iso);
    if (plausible(date)) return date.toISOString();
  }
  // Human dates without a zone are read in UTC too (the reference's timezone), not the machine's.
  const parsed = chrono.parseDate(
    raw,
    { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 'UTC' },
    { forwardDate: false },
  );
  return parsed !== null && plausible(parsed) ? parsed.toISOString() : null;
}

/** Date written in a URL path (/2019/11/19/ or 2019-11-19), as ISO 8601 at midnight UTC. */
export function dateFromUrlPath(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /(?:^|\/)((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(path);
  if (match === null) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid = date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return valid && plausible(date) ? date.toISOString() : null;
}
