import { describe, expect, it } from 'vitest';
import { KnownItems } from '../../../src/storage/known-items.js';

const AT = new Date('2026-10-06T12:00:00.000Z');
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `article-${from + i}`);

describe('what a feed remembers of the items it listed', () => {
  it('knows the items it was told about, and no other', () => {
    const known = KnownItems.empty().remember(ids(3), 64);

    expect(ids(3).map((id) => known.has(id))).toEqual([true, true, true]);
    expect(known.has('article-3')).toBe(false);
  });

  it('keeps the newest items first up to its capacity, still knowing items dropped from the list a while', () => {
    const known = KnownItems.empty().remember(ids(4), 6).remember(ids(4, 2), 6);

    expect(ids(6).map((id) => known.has(id))).toEqual([true, true, true, true, true, true]);
    expect(known.remember(ids(6, 10), 6).has('article-0')).toBe(false);
  });

  it('never forgets an item the feed lists now, whatever its capacity', () => {
    const known = KnownItems.empty().remember(ids(10), 4);

    expect(ids(10).every((id) => known.has(id))).toBe(true);
  });

  it('stores 11 characters an item, so a feed of 30 fits a one-unit item', () => {
    const { known } = KnownItems.empty().remember(ids(64), 64).toAttributes();

    expect(known).toHaveLength(64 * 11);
  });

  it('gives the items sent before a bound for their check, with how often they were sent again', () => {
    const later = new Date(AT.getTime() + 90 * 60_000);
    const known = KnownItems.empty().sent(['a'], AT, 0).sent(['b'], later, 0);

    expect(known.due(new Date(AT.getTime() + 60 * 60_000), 3)).toEqual([{ id: 'a', round: 0 }]);
    const resent = known.checked(new Date(AT.getTime() + 60 * 60_000)).resent([{ id: 'a', round: 0 }], later);
    expect(resent.due(new Date(later.getTime() + 1), 3)).toEqual([
      { id: 'b', round: 0 },
      { id: 'a', round: 1 },
    ]);
    expect(resent.due(new Date(later.getTime() + 1), 1)).toEqual([{ id: 'b', round: 0 }]);
  });

  it('reads its stored attributes back, and treats anything unreadable as nothing known', () => {
    const known = KnownItems.empty().remember(ids(2), 64).sent(['article-1'], AT, 0);

    expect(KnownItems.from(known.toAttributes()).equals(known)).toBe(true);
    expect(KnownItems.from({ known: 42 }).equals(KnownItems.empty())).toBe(true);
    expect(KnownItems.from(undefined).has('article-0')).toBe(false);
  });
});
