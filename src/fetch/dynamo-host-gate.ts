import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_KEYS, TTL_ATTRIBUTE } from '../storage/table-design.js';
import { RateLimitedError } from './errors.js';
import { GrantLog, type HostGate, type HostSlot, seriesOf } from './host-gate.js';

/** Contended bookings retried before giving up with RateLimitedError. */
const MAX_BOOKING_ATTEMPTS = 8;
/** Gate items outlive their last slot by this much, then DynamoDB's TTL sweeps them away. */
const ITEM_TTL_SECONDS = 3600;

/**
 * Host gate shared by every Lambda through the `state` table: item pk=`HOST#<host>`, sk=`gate` holds
 * `nextAllowedAt` (epoch ms). A caller reads it and books the slot max(now, nextAllowedAt) by a conditional write
 * that only succeeds if nobody booked in between (optimistic locking): one write per booking (or per series of
 * slots reserved together), none to redeem a held slot. A Retry-After moves `nextAllowedAt` forward, so every worker's later bookings honour it.
 */
export class DynamoHostGate implements HostGate {
  private readonly log: GrantLog;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {
    this.log = new GrantLog(now);
  }

  async book(host: string, minIntervalMs: number, signal?: AbortSignal): Promise<HostSlot> {
    for (let attempt = 0; attempt < MAX_BOOKING_ATTEMPTS; attempt += 1) {
      signal?.throwIfAborted();
      const seen = await this.nextAllowedAt(host, signal);
      const now = this.now();
      const at = Math.max(now, seen ?? 0, this.log.nextFree(host, minIntervalMs));
      // Someone booked between our read and write: read again (the round trip spaces the attempts).
      if (!(await this.write(host, seen, at + minIntervalMs, signal))) continue;
      if (at <= now) this.log.grant(host);
      return { host, at };
    }
    throw new RateLimitedError(`host ${host}`, minIntervalMs);
  }

  async reserve(host: string, minIntervalMs: number, count: number, signal?: AbortSignal): Promise<HostSlot[]> {
    for (let attempt = 0; attempt < MAX_BOOKING_ATTEMPTS; attempt += 1) {
      signal?.throwIfAborted();
      const seen = await this.nextAllowedAt(host, signal);
      const first = Math.max(this.now(), seen ?? 0, this.log.nextFree(host, minIntervalMs));
      if (await this.write(host, seen, first + count * minIntervalMs, signal))
        return seriesOf(host, first, minIntervalMs, count);
    }
    throw new RateLimitedError(`host ${host}`, minIntervalMs);
  }

  redeem(slot: HostSlot, minIntervalMs: number): number | null {
    return this.log.redeem(slot, minIntervalMs);
  }

  async block(host: string, until: number, signal?: AbortSignal): Promise<void> {
    this.log.block(host, until);
    for (let attempt = 0; attempt < MAX_BOOKING_ATTEMPTS; attempt += 1) {
      const seen = await this.nextAllowedAt(host, signal);
      if (seen !== undefined && seen >= until) return;
      if (await this.write(host, seen, until, signal)) return;
    }
  }

  /** The end of the host's last booking or block (epoch ms), if any. */
  async nextAllowedAt(host: string, signal?: AbortSignal): Promise<number | undefined> {
    const output = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: this.key(host), ConsistentRead: true }),
      { abortSignal: signal },
    );
    const value: unknown = output.Item?.nextAllowedAt;
    return typeof value === 'number' ? value : undefined;
  }

  private key(host: string): Record<string, string> {
    return { [TABLE_KEYS.partitionKey]: `HOST#${host}`, [TABLE_KEYS.sortKey]: 'gate' };
  }

  /** Conditional write of the new next-allowed time; false when another worker won the race. */
  private async write(host: string, seen: number | undefined, next: number, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(host),
          UpdateExpression: 'SET nextAllowedAt = :next, #ttl = :expires',
          ConditionExpression: seen === undefined ? 'attribute_not_exists(nextAllowedAt)' : 'nextAllowedAt = :seen',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':next': next,
            ':expires': Math.ceil(next / 1000) + ITEM_TTL_SECONDS,
            ...(seen === undefined ? {} : { ':seen': seen }),
          },
        }),
        { abortSignal: signal },
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
