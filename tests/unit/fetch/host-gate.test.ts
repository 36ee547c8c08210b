import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryHostGate, MemoryRobotsCache, RateLimitedError } from '../../../src/fetch/index.js';

describe('MemoryHostGate', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets the first request to a host through at once and holds the next one for the interval', async () => {
    const gate = new MemoryHostGate();
    let secondPassed = false;

    await gate.acquire('news.example', 1000);
    const second = gate.acquire('news.example', 1000).then(() => {
      secondPassed = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    const passedEarly = secondPassed;
    await vi.advanceTimersByTimeAsync(1);
    await second;

    expect(passedEarly).toBe(false);
    expect(secondPassed).toBe(true);
  });

  it('gives concurrent callers successive slots rather than the same one', async () => {
    const gate = new MemoryHostGate();
    const passed: number[] = [];

    const all = [0, 1, 2].map((n) => gate.acquire('news.example', 500).then(() => passed.push(n)));
    await vi.advanceTimersByTimeAsync(600);
    const afterOneInterval = [...passed];
    await vi.advanceTimersByTimeAsync(500);
    await Promise.all(all);

    expect(afterOneInterval).toEqual([0, 1]);
    expect(passed).toEqual([0, 1, 2]);
  });

  it('does not hold one host back for another', async () => {
    const gate = new MemoryHostGate();
    await gate.acquire('a.example', 60_000);

    const other = gate.acquire('b.example', 60_000);

    await expect(other).resolves.toBeUndefined();
  });

  it('refuses without booking when the wait would exceed the caller’s limit', async () => {
    const gate = new MemoryHostGate();
    await gate.acquire('news.example', 5000);

    const refused = gate.acquire('news.example', 5000, undefined, 1000);
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ retryAfterMs: 5000 });
    const next = gate.acquire('news.example', 5000);
    await vi.advanceTimersByTimeAsync(5000);

    await expect(next).resolves.toBeUndefined();
  });

  it('stops waiting when the signal aborts', async () => {
    const gate = new MemoryHostGate();
    const controller = new AbortController();
    await gate.acquire('news.example', 5000);

    const waiting = gate.acquire('news.example', 5000, controller.signal);
    controller.abort(new Error('deadline'));

    await expect(waiting).rejects.toThrow('deadline');
  });
});

describe('MemoryRobotsCache', () => {
  it('distinguishes "not cached" from "no robots.txt" and expires entries', async () => {
    let now = 0;
    const cache = new MemoryRobotsCache(() => now);

    const before = await cache.get('news.example');
    await cache.put('news.example', null, 60);
    const cached = await cache.get('news.example');
    now = 61_000;
    const expired = await cache.get('news.example');

    expect(before).toBeUndefined();
    expect(cached).toBeNull();
    expect(expired).toBeUndefined();
  });
});
