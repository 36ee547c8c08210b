import { describe, expect, it } from 'vitest';
import { findDateMentions, resolveEventDate } from '../../../src/coder/event-date.js';

// 2024-03-13 is a Wednesday.
const PUBLISHED = '2024-03-13';

describe('resolveEventDate', () => {
  it('takes the last such weekday for a past event and the next one for a future event', () => {
    const sentence = 'Officials met on Sunday.';
    const dates = findDateMentions(sentence, PUBLISHED);
    expect(resolveEventDate(dates, 10, false, PUBLISHED)).toBe('2024-03-10');
    expect(resolveEventDate(dates, 10, true, PUBLISHED)).toBe('2024-03-17');
  });

  it('resolves "yesterday" and "today" against the publication date', () => {
    const dates = findDateMentions('The army said yesterday it had withdrawn.', PUBLISHED);
    expect(resolveEventDate(dates, 9, false, PUBLISHED)).toBe('2024-03-12');
  });

  it('puts a month-day date without a year in the year that fits the tense', () => {
    const past = findDateMentions('The council voted on December 31.', '2017-01-09');
    expect(resolveEventDate(past, 12, false, '2017-01-09')).toBe('2016-12-31');
    const future = findDateMentions('Talks will open on January 23.', '2017-01-09');
    expect(resolveEventDate(future, 6, true, '2017-01-09')).toBe('2017-01-23');
  });

  it('picks the date expression after the predicate for a future event', () => {
    const sentence = 'On Sunday he praised the talks planned for February 8.';
    const dates = findDateMentions(sentence, '2017-01-09');
    expect(resolveEventDate(dates, sentence.indexOf('talks'), true, '2017-01-09')).toBe('2017-02-08');
  });

  it('falls back to the publication date, or null when there is none', () => {
    expect(resolveEventDate(findDateMentions('Rebels attacked a base.', PUBLISHED), 7, false, PUBLISHED)).toBe(PUBLISHED);
    expect(resolveEventDate(findDateMentions('Rebels attacked on Sunday.', null), 7, false, null)).toBeNull();
  });
});
