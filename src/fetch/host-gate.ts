import { RateLimitedError } from './errors.js';

/**
 * Per-host politeness: `acquire` resolves when this caller may send its next request to `host`,
 * at least `minIntervalMs` after the previous caller's slot, across every concurrent worker sharing
 * the gate. If the wait would exceed `maxWaitMs`, it throws RateLimitedError WITHOUT booking a slot,
 * so callers that give up do not push everyone else further back.
 */
export interface HostGate {
  acquire(host: string, minIntervalMs: number, signal?: AbortSignal, maxWaitMs?: number): Promise<void>;
}

/** Slots booked in process memory: enough for one process (local runs, one Lambda instance). */
export class MemoryHostGate implements HostGate {
  private readonly nextAllowed = new Map<string, number>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  async acquire(host: string, minIntervalMs: number, signal?: AbortSignal, maxWaitMs = Infinity): Promise<void> {
    signal?.throwIfAborted();
    const now = this.now();
    const slot = Math.max(now, this.nextAllowed.get(host) ?? 0);
    if (slot - now > maxWaitMs) throw new RateLimitedError(`host ${host}`, slot - now);
    // Booking is synchronous, so concurrent callers in this process each get a distinct slot.
    this.nextAllowed.set(host, slot + minIntervalMs);
    await sleep(slot - now, signal);
  }
}

/** Waits `ms`, rejecting with the signal's reason if it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted === true) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
