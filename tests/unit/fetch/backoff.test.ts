import { describe, expect, it } from 'vitest';
import { nextBackoffMs, parseRetryAfterMs } from '../../../src/fetch/index.js';

describe('nextBackoffMs', () => {
  it('waits nothing before any failure', () => {
    expect(nextBackoffMs(0)).toBe(0);
  });

  it('doubles the ceiling with each consecutive failure', () => {
    const top = (): number => 1;

    expect([1, 2, 3, 4].map((failures) => nextBackoffMs(failures, 1000, 1_000_000, top))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('jitters between half the ceiling and the ceiling', () => {
    const samples = Array.from({ length: 200 }, () => nextBackoffMs(3, 1000, 1_000_000));

    expect(Math.min(...samples)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(4000);
    expect(new Set(samples).size).toBeGreaterThan(1);
  });

  it('never exceeds the maximum however many failures there were', () => {
    expect(nextBackoffMs(500, 60_000, 3_600_000, () => 1)).toBe(3_600_000);
  });

  it('uses a one-minute base and a one-day ceiling by default', () => {
    expect(nextBackoffMs(1, undefined, undefined, () => 1)).toBe(60_000);
    expect(nextBackoffMs(40, undefined, undefined, () => 1)).toBe(86_400_000);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-04-01T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
  });

  it('reads an HTTP-date relative to now', () => {
    expect(parseRetryAfterMs('Tue, 01 Apr 2025 10:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfterMs('Tue, 01 Apr 2025 09:00:00 GMT', now)).toBe(0);
  });

  it('caps absurd waits at one day', () => {
    expect(parseRetryAfterMs('999999999', now)).toBe(86_400_000);
  });

  it.each([[undefined], [''], ['soon'], ['-5']])('gives undefined for %j', (header) => {
    expect(parseRetryAfterMs(header, now)).toBeUndefined();
  });
});
