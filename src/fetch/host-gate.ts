import { RateLimitedError } from './errors.js';

/** A request slot booked with a host gate: its holder may send one request to `host` from `at` (epoch ms). */
export interface HostSlot {
  host: string;
  at: number;
}

/**
 * Per-host politeness that never waits. `book` reserves the earliest free slot of a host, at least
 * `minIntervalMs` after the previous one booked by any worker sharing the gate, and returns it at once. A caller
 * whose slot lies ahead does not sleep: its message waits in the queue until the slot (a deferral) and comes back
 * holding it, and `redeem` lets it through. `block` keeps every later booking of a host after a time the host
 * asked for (Retry-After).
 */
export interface HostGate {
  book(host: string, minIntervalMs: number, signal?: AbortSignal): Promise<HostSlot>;
  /**
   * Books `count` consecutive slots of a host, an interval apart, for requests to be sent later by their holders
   * (a feed's new articles on its host): one booking for them all, and each message waits for its own slot.
   */
  reserve(host: string, minIntervalMs: number, count: number, signal?: AbortSignal): Promise<HostSlot[]>;
  /**
   * Whether the holder of `slot` may send its request now: 0 when it may, a number of milliseconds to come back
   * after (still holding the slot) when this process sent to the host less than an interval ago, or null when the
   * slot is no longer good (too late, or the host asked to wait since): the holder books again.
   */
  redeem(slot: HostSlot, minIntervalMs: number): number | null;
  block(host: string, until: number, signal?: AbortSignal): Promise<void>;
}

/**
 * How late a held slot may still be redeemed, beyond one interval: SQS delays in whole seconds and a Lambda
 * batching window adds up to 5 s. A later holder books again.
 */
export const SLOT_GRACE_MS = 10_000;

/** Entries kept per map before a gate's in-process memory starts afresh (one per host seen). */
const MAX_HOSTS = 10_000;

/**
 * What one process knows by itself: when it last let a request go to each host, and the blocks it has seen. It
 * keeps this process's own requests to a host (nine tenths of) an interval apart, whatever the timers and queues
 * did to the slots: a late holder and an on-time one never go together.
 */
export class GrantLog {
  private readonly granted = new Map<string, number>();
  private readonly blocks = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /**
   * The earliest time this process may send to `host` again: nine tenths of an interval after its last request,
   * so a timer a few milliseconds late does not send the next holder round the queue again.
   */
  nextFree(host: string, minIntervalMs: number): number {
    const last = this.granted.get(host);
    return Math.max(last === undefined ? 0 : last + minIntervalMs * 0.9, this.blocks.get(host) ?? 0);
  }

  grant(host: string): void {
    remember(this.granted, host, this.now());
  }

  block(host: string, until: number): void {
    remember(this.blocks, host, Math.max(until, this.blocks.get(host) ?? 0));
  }

  redeem(slot: HostSlot, minIntervalMs: number): number | null {
    const now = this.now();
    if (now >= slot.at + minIntervalMs + SLOT_GRACE_MS || (this.blocks.get(slot.host) ?? 0) > now) return null;
    const earliest = Math.max(slot.at, this.nextFree(slot.host, minIntervalMs));
    if (now < earliest) return earliest - now;
    this.grant(slot.host);
    return 0;
  }
}

function remember(map: Map<string, number>, host: string, value: number): void {
  if (map.size >= MAX_HOSTS && !map.has(host)) map.clear();
  map.set(host, value);
}

/** Slots booked in process memory: enough for one process (local runs, tests). */
export class MemoryHostGate implements HostGate {
  private readonly nextAllowed = new Map<string, number>();
  private readonly log: GrantLog;

  constructor(private readonly now: () => number = Date.now) {
    this.log = new GrantLog(now);
  }

  async book(host: string, minIntervalMs: number, signal?: AbortSignal): Promise<HostSlot> {
    signal?.throwIfAborted();
    const now = this.now();
    const at = Math.max(now, this.nextAllowed.get(host) ?? 0, this.log.nextFree(host, minIntervalMs));
    // Booking is synchronous, so concurrent callers in this process each get a distinct slot.
    remember(this.nextAllowed, host, at + minIntervalMs);
    if (at <= now) this.log.grant(host);
    return { host, at };
  }

  async reserve(host: string, minIntervalMs: number, count: number, signal?: AbortSignal): Promise<HostSlot[]> {
    signal?.throwIfAborted();
    const first = Math.max(this.now(), this.nextAllowed.get(host) ?? 0, this.log.nextFree(host, minIntervalMs));
    remember(this.nextAllowed, host, first + count * minIntervalMs);
    return seriesOf(host, first, minIntervalMs, count);
  }

  redeem(slot: HostSlot, minIntervalMs: number): number | null {
    return this.log.redeem(slot, minIntervalMs);
  }

  async block(host: string, until: number): Promise<void> {
    remember(this.nextAllowed, host, Math.max(until, this.nextAllowed.get(host) ?? 0));
    this.log.block(host, until);
  }
}

/** `count` slots of `host` an interval apart from `first`. */
export function seriesOf(host: string, first: number, intervalMs: number, count: number): HostSlot[] {
  return Array.from({ length: count }, (_, n) => ({ host, at: first + n * intervalMs }));
}

/** The error a fetch throws when it must wait `waitMs` for its slot: the caller defers, holding the slot. */
export function busyError(url: string, slot: HostSlot, waitMs: number): RateLimitedError {
  return new RateLimitedError(url, waitMs, { slot });
}
