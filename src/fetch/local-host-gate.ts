import type { DynamoHostGate } from './dynamo-host-gate.js';
import { type HostGate, type HostSlot, MemoryHostGate } from './host-gate.js';

/**
 * The local runs' gate: slots are booked in memory (a local run is one process, and a table write per request
 * would only slow it), while a host's Retry-After is also kept in the state table, so the next run honours it:
 * the first booking of a host in a process starts after any block an earlier run stored.
 */
export class LocalHostGate implements HostGate {
  private readonly memory: MemoryHostGate;
  private readonly seeded = new Map<string, Promise<void>>();

  constructor(
    private readonly shared: DynamoHostGate,
    private readonly now: () => number = Date.now,
  ) {
    this.memory = new MemoryHostGate(now);
  }

  async book(host: string, minIntervalMs: number, signal?: AbortSignal): Promise<HostSlot> {
    await this.seed(host, signal);
    return this.memory.book(host, minIntervalMs, signal);
  }

  async reserve(host: string, minIntervalMs: number, count: number, signal?: AbortSignal): Promise<HostSlot[]> {
    await this.seed(host, signal);
    return this.memory.reserve(host, minIntervalMs, count, signal);
  }

  redeem(slot: HostSlot, minIntervalMs: number): number | null {
    return this.memory.redeem(slot, minIntervalMs);
  }

  async block(host: string, until: number, signal?: AbortSignal): Promise<void> {
    await this.memory.block(host, until);
    await this.shared.block(host, until, signal);
  }

  private seed(host: string, signal?: AbortSignal): Promise<void> {
    let seeding = this.seeded.get(host);
    if (!seeding) {
      seeding = this.shared.nextAllowedAt(host, signal).then(async (until) => {
        if (until !== undefined && until > this.now()) await this.memory.block(host, until);
      });
      // A failed read is tried again by the next booking.
      seeding.catch(() => this.seeded.delete(host));
      this.seeded.set(host, seeding);
    }
    return seeding;
  }
}
