import * as chrono from 'chrono-node';

const DATE_HINT_SOURCE =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:today|yesterday|tomorrow|tonight|ago)\b|\b(?:last|next|this)\s+(?:week|month|year)\b|\b\d{4}-\d{2}-\d{2}\b/
    .source;
const DATE_HINT = new RegExp(DATE_HINT_SOURCE, 'gi');
/** chrono runs only on a window around each hint: parsing whole sentences dominated coder time. */
const WINDOW = 28;

/** A date expression found in a sentence, with its character span relative to the sentence. */
export interface DateMention {
  start: number;
  end: number;
  /** Resolved day when the expression is a full date, else null. */
  fixed: string | null;
  /** Weekday 0-6 when only a weekday was said ("on Sunday"). */
  weekday: number | null;
}

/** Date expressions in a sentence, parsed once (cheap regex pre-check first: most sentences have none). */
export function findDateMentions(sentence: string, published: string | null): DateMention[] {
  const ref = published ? new Date(`${published}T12:00:00`) : new Date(2000, 0, 1, 12);
  const out: DateMention[] = [];
  let coveredTo = -1;
  for (const hint of sentence.matchAll(DATE_HINT)) {
    if (hint.index < coveredTo) continue;
    const simple = simpleDate(hint[0], hint.index, sentence, published);
    if (simple) {
      out.push(simple);
      continue;
    }
    const from = Math.max(0, hint.index - WINDOW);
    const to = Math.min(sentence.length, hint.index + hint[0].length + WINDOW);
    coveredTo = to;
    for (const m of parseWindow(sentence.slice(from, to), from, ref, published)) {
      if (!out.some((o) => o.start === m.start)) out.push(m);
    }
  }
  return out;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RELATIVE_DAYS: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };
const SIMPLE = /^(?:(sun|mon|tues|wednes|thurs|fri|satur)day|today|tonight|yesterday|tomorrow)$/i;
const RELATIVE_PERIOD = /^(last|next|this)\s+(week|month|year)$/i;
const PERIOD_DAYS: Record<string, number> = { week: 7, month: 30, year: 365 };

/** Fast path for the commonest news dates (a bare weekday, "yesterday"), which need no chrono. */
function simpleDate(hint: string, index: number, sentence: string, published: string | null): DateMention | null {
  const period = RELATIVE_PERIOD.exec(hint);
  if (period) {
    // "next week": the day a week on is the best single-day reading of a period reference.
    const sign = period[1]?.toLowerCase() === 'last' ? -1 : period[1]?.toLowerCase() === 'next' ? 1 : 0;
    const days = sign * (PERIOD_DAYS[period[2]?.toLowerCase() ?? ''] ?? 0);
    return {
      start: index,
      end: index + hint.length,
      fixed: published ? addDays(published, days) : null,
      weekday: null,
    };
  }
  if (!SIMPLE.test(hint)) return null;
  const rest = sentence.slice(index + hint.length, index + hint.length + 12);
  if (/^,?\s+(?:the\s+)?\d|^,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(rest)) return null;
  const lower = hint.toLowerCase();
  const end = index + hint.length;
  const shift = RELATIVE_DAYS[lower];
  if (shift !== undefined)
    return { start: index, end, fixed: published ? addDays(published, shift) : null, weekday: null };
  return { start: index, end, fixed: null, weekday: WEEKDAYS.indexOf(lower) };
}

function parseWindow(text: string, offset: number, ref: Date, published: string | null): DateMention[] {
  // Relative expressions are handled above; the strict parser (explicit dates) is ~4x cheaper than casual.
  return chrono.strict.parse(text, ref).map((r) => {
    const s = r.start;
    const onlyWeekday = s.isCertain('weekday') && !s.isCertain('day') && !s.isCertain('month');
    const yearKnown = s.isCertain('year') || published !== null;
    return {
      start: offset + r.index,
      end: offset + r.index + r.text.length,
      fixed: onlyWeekday || !yearKnown ? null : ymd(s.date()),
      weekday: onlyWeekday ? (s.get('weekday') ?? null) : null,
    };
  });
}

/** Where the predicate sits in its sentence (character offsets relative to the sentence). */
export interface VerbPosition {
  start: number;
  end: number;
  sentence: string;
}

/**
 * The day an event happened: a date right after the predicate in the same clause ("agreed on
 * Monday"), else the nearest one before it ("On Monday, X agreed"), else the first after it; for a
 * future event the first date after the predicate. A bare weekday is resolved by tense (past: the
 * last such day on or before publication, future: the next one after it). Default: the publication
 * date (null without one).
 */
export function resolveEventDate(
  dates: DateMention[],
  verb: VerbPosition,
  future: boolean,
  published: string | null,
): string | null {
  const pick = pickDate(dates, verb, future);
  if (!pick) return published;
  if (pick.fixed) return adjustYear(pick.fixed, future, published);
  if (pick.weekday !== null && published) return weekdayRelative(published, pick.weekday, future);
  return published;
}

const SAME_CLAUSE_CHARS = 40;

function pickDate(dates: DateMention[], verb: VerbPosition, future: boolean): DateMention | undefined {
  const after = dates.filter((d) => d.start >= verb.end);
  if (future && after[0]) return after[0];
  const close = after.find(
    (d) => d.start - verb.end <= SAME_CLAUSE_CHARS && !verb.sentence.slice(verb.end, d.start).includes(','),
  );
  if (close) return close;
  const before = dates.filter((d) => d.end <= verb.start);
  return before[before.length - 1] ?? after[0];
}

/** chrono picks the nearest year; a future event is never before publication, nor a past one after it. */
function adjustYear(day: string, future: boolean, published: string | null): string {
  if (!published) return day;
  if (future && day < published) return `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
  if (!future && day > addDays(published, 2)) return `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  return day;
}

function weekdayRelative(published: string, weekday: number, future: boolean): string {
  const ref = new Date(`${published}T12:00:00Z`);
  const today = ref.getUTCDay();
  const delta = future ? (weekday - today + 7) % 7 || 7 : -((today - weekday + 7) % 7);
  return addDays(published, delta);
}

function addDays(day: string, delta: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

function ymd(d: Date): string {
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}
