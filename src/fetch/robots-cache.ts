import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_KEYS, TTL_ATTRIBUTE } from '../storage/table-design.js';

/**
 * Cache of robots.txt bodies per host (`host[:port]`). `get` answers undefined when nothing (fresh) is
 * cached, null when the host has no robots.txt (everything allowed), or the file's text.
 */
export interface RobotsCache {
  get(host: string): Promise<string | null | undefined>;
  put(host: string, robotsTxt: string | null, ttlSeconds: number): Promise<void>;
}

/** In-process robots cache with expiry. */
export class MemoryRobotsCache implements RobotsCache {
  private readonly entries = new Map<string, { robotsTxt: string | null; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(host: string): Promise<string | null | undefined> {
    const entry = this.entries.get(host);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(host);
      return undefined;
    }
    return entry.robotsTxt;
  }

  async put(host: string, robotsTxt: string | null, ttlSeconds: number): Promise<void> {
    this.entries.set(host, { robotsTxt, expiresAt: this.now() + ttlSeconds * 1000 });
  }
}

/**
 * Robots cache in the `state` table: item pk=`ROBOTS#<host>`, sk=`robots`, `robotsTxt` (string, or
 * absent for "no robots.txt") and TTL attribute `expiresAt` (epoch seconds). DynamoDB deletes expired
 * items lazily, so `get` checks the expiry itself too.
 */
export class DynamoRobotsCache implements RobotsCache {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async get(host: string): Promise<string | null | undefined> {
    const output = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: this.key(host) }));
    const item = output.Item;
    if (item === undefined) return undefined;
    const expiresAt: unknown = item[TTL_ATTRIBUTE];
    if (typeof expiresAt !== 'number' || expiresAt * 1000 <= this.now()) return undefined;
    const robotsTxt: unknown = item.robotsTxt;
    return typeof robotsTxt === 'string' ? robotsTxt : null;
  }

  async put(host: string, robotsTxt: string | null, ttlSeconds: number): Promise<void> {
    const expiresAt = Math.ceil(this.now() / 1000) + ttlSeconds;
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...this.key(host), expiresAt, ...(robotsTxt === null ? {} : { robotsTxt }) },
      }),
    );
  }

  private key(host: string): Record<string, string> {
    return { [TABLE_KEYS.partitionKey]: `ROBOTS#${host}`, [TABLE_KEYS.sortKey]: 'robots' };
  }
}
