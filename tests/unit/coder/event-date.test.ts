import { describe, expect, it } from 'vitest';
import { findDateMentions, resolveEventDate } from '../../../src/coder/event-date.js';

/** The predicate position of `verb` in `sentence`. */
const at = (sentence: string, verb: string) => {
  const start = sentence.indexOf(verb);
  return { start, end: start + verb.length, sentence };
};

// 2024-03-13 is a Wednesday.
const PUBLISHED = '2024-03-13';

describe('resolveEventDate', () => {
  it('takes the last such weekday for a past event and the next one for a future event', () => {
    const sentence = 'Officials met on Sunday.';
    const dates = findDateMentions(sentence, PUBLISHED);
    expect(resolveEventDate(dates, at(sentence, 'met'), false, PUBLISHED)).toBe('2024-03-10');
    expect(resolveEventDate(dates, at(sentence, 'met'), true, PUBLISHED)).toBe('2024-03-17');
  });

  it('resolves "yesterday" and "today" against the publication date', () => {
    const sentence = 'The army said yesterday it had withdrawn.';
    expect(resolveEventDate(findDateMentions(sentence, PUBLISHED), at(sentence, 'withdrawn'), false, PUBLISHED)).toBe(
      '2024-03-12',
    );
  });

  it('puts a month-day date without a year in the year that fits the tense', () => {
    const past = 'The council voted on December 31.';
    expect(resolveEventDate(findDateMentions(past, '2017-01-09'), at(past, 'voted'), false, '2017-01-09')).toBe(
      '2016-12-31',
    );
    const future = 'Talks will open on January 23.';
    expect(resolveEventDate(findDateMentions(future, '2017-01-09'), at(future, 'open'), true, '2017-01-09')).toBe(
      '2017-01-23',
    );
  });

  it('picks the date expression after the predicate for a future event', () => {
    const sentence = 'On Sunday he praised the talks planned for February 8.';
    const dates = findDateMentions(sentence, '2017-01-09');
    expect(resolveEventDate(dates, at(sentence, 'talks'), true, '2017-01-09')).toBe('2017-02-08');
  });

  it("prefers a date in the predicate's own clause over one in a relative clause", () => {
    const sentence = 'The rebels, who seized the town last week, agreed to a truce on Monday.';
    expect(resolveEventDate(findDateMentions(sentence, PUBLISHED), at(sentence, 'agreed'), false, PUBLISHED)).toBe(
      '2024-03-11',
    );
  });

  it('falls back to the publication date, or null when there is none', () => {
    const undated = 'Rebels attacked a base.';
    expect(resolveEventDate(findDateMentions(undated, PUBLISHED), at(undated, 'attacked'), false, PUBLISHED)).toBe(
      PUBLISHED,
    );
    const weekday = 'Rebels attacked on Sunday.';
    expect(resolveEventDate(findDateMentions(weekday, null), at(weekday, 'attacked'), false, null)).toBeNull();
  });
});
