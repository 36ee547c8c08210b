import { describe, expect, it } from 'vitest';
import { MemoryHostGate, MemoryRobotsCache, SLOT_GRACE_MS } from '../../../src/fetch/index.js';

describe('MemoryHostGate', () => {
  it('lets the first request to a host through at once and books the next one an interval later', async () => {
    const now = 1_000_000;
    const gate = new MemoryHostGate(() => now);

    const first = await gate.book('news.example', 1000);
    const second = await gate.book('news.example', 1000);

    expect(first).toEqual({ host: 'news.example', at: now });
    expect(second).toEqual({ host: 'news.example', at: now + 1000 });
  });

  it('gives concurrent callers successive slots rather than the same one, without waiting', async () => {
    const gate = new MemoryHostGate(() => 5000);

    const slots = await Promise.all([0, 1, 2].map(() => gate.book('news.example', 500)));

    expect(slots.map((slot) => slot.at)).toEqual([5000, 5500, 6000]);
  });

  it('does not hold one host back for another', async () => {
    const gate = new MemoryHostGate(() => 0);
    await gate.book('a.example', 60_000);

    const other = await gate.book('b.example', 60_000);

    expect(other.at).toBe(0);
  });

  it('lets a held slot through at its time, asks an early or second holder to come back, and refuses a stale one', async () => {
    let now = 0;
    const gate = new MemoryHostGate(() => now);
    await gate.book('news.example', 1000);
    const held = await gate.book('news.example', 1000);

    const early = gate.redeem(held, 1000);
    now = held.at;
    const onTime = gate.redeem(held, 1000);
    now = held.at + 200;
    const secondTime = gate.redeem(held, 1000);
    now = held.at + 1000 + SLOT_GRACE_MS;
    const tooLate = gate.redeem(held, 1000);

    expect([early, onTime, secondTime, tooLate]).toEqual([1000, 0, 700, null]);
  });

  it('keeps this process’s requests to a host an interval apart, whatever timers did to the slots', async () => {
    let now = 0;
    const gate = new MemoryHostGate(() => now);
    await gate.book('news.example', 1000);
    const late = await gate.book('news.example', 1000);
    const onTime = await gate.book('news.example', 1000);

    now = late.at + 700;
    const lateGoes = gate.redeem(late, 1000);
    now = onTime.at;
    const onTimeWaits = gate.redeem(onTime, 1000);

    expect(lateGoes).toBe(0);
    expect(onTimeWaits).toBe(600);
  });

  it('keeps every booking after a Retry-After block and refuses slots held from before it', async () => {
    let now = 0;
    const gate = new MemoryHostGate(() => now);
    await gate.book('news.example', 1000);
    const held = await gate.book('news.example', 1000);

    await gate.block('news.example', 120_000);
    now = held.at;
    const redeemed = gate.redeem(held, 1000);
    const next = await gate.book('news.example', 1000);

    expect(redeemed).toBeNull();
    expect(next.at).toBe(120_000);
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
