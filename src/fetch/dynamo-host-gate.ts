import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_KEYS, TTL_ATTRIBUTE } from '../storage/table-design.js';
import { RateLimitedError } from './errors.js';
import { type HostGate, sleep } from './host-gate.js';

/** Contended bookings retried before giving up with RateLimitedError. */
const MAX_BOOKING_ATTEMPTS = 8;
/** Gate items outlive their last slot by this much, then DynamoDB's TTL sweeps them away. */
const ITEM_TTL_SECONDS = 3600;

/**
 * Host gate shared by every Lambda through the `state` table: item pk=`HOST#<host>`, sk=`gate` holds
 * `nextAllowedAt` (epoch ms). A caller reads it, books the slot max(now, nextAllowedAt) by a conditional
 * write that only succeeds if nobody booked in between (optimistic locking), then sleeps until its slot.
 */
export class DynamoHostGate implements HostGate {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(host: string, minIntervalMs: number, signal?: AbortSignal, maxWaitMs = Infinity): Promise<void> {
    for (let attempt = 0; attempt < MAX_BOOKING_ATTEMPTS; attempt += 1) {
      signal?.throwIfAborted();
      const seen = await this.readNextAllowed(host, signal);
      const now = this.now();
      const slot = Math.max(now, seen ?? 0);
      if (slot - now > maxWaitMs) throw new RateLimitedError(`host ${host}`, slot - now);
      if (await this.book(host, seen, slot + minIntervalMs, signal)) {
        await sleep(slot - now, signal);
        return;
      }
      // Someone booked between our read and write: back off a little, with jitter, and read again.
      await sleep(Math.round(Math.random() * 25 * (attempt + 1)), signal);
    }
    throw new RateLimitedError(`host ${host}`, minIntervalMs);
  }

  private key(host: string): Record<string, string> {
    return { [TABLE_KEYS.partitionKey]: `HOST#${host}`, [TABLE_KEYS.sortKey]: 'gate' };
  }

  private async readNextAllowed(host: string, signal?: AbortSignal): Promise<number | undefined> {
    const output = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: this.key(host), ConsistentRead: true }),
      { abortSignal: signal },
    );
    const value: unknown = output.Item?.nextAllowedAt;
    return typeof value === 'number' ? value : undefined;
  }

  /** Conditional write of the new next-allowed time; false when another worker won the race. */
  private async book(host: string, seen: number | undefined, next: number, signal?: AbortSignal): Promise<boolean> {
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
