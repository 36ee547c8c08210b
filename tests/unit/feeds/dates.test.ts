import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../src/feeds/index.js';

describe('parseFeedDate', () => {
  it.each([
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21Z'],
    ['Thu, 1 Jan 04 19:48 EST', '2004-01-02T00:48:00Z'],
    ['01 Jan 2004 19:48:21 +0200', '2004-01-01T17:48:21Z'],
    ['Sun Jan  4 16:29:06 2004', '2004-01-04T16:29:06Z'],
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55Z'],
    ['2003-12-31T10:14:55.123-08:00', '2003-12-31T18:14:55Z'],
    ['2003-12-31', '2003-12-31T00:00:00Z'],
    ['20031231T101455Z', '2003-12-31T10:14:55Z'],
    ['2003-12-31 10:14', '2003-12-31T10:14:00Z'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseFeedDate(input)).toBe(iso);
  });

  it.each(['', 'yesterday', '2003-13-45', 'Fri, 31 Feb 2004 10:00:00 GMT'])(
    'returns null for unparseable %j',
    (input) => {
      expect(parseFeedDate(input)).toBeNull();
    },
  );
});
