import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type AppConfig, bucketName } from '../../../../src/config/index.js';
import type { AwsClients } from '../../../../src/storage/clients.js';

/** Everything the pipeline leaves behind: the four tables and the bucket, normalised for comparison. */
export interface StoreSnapshot {
  tables: Record<string, unknown[]>;
  objects: Record<string, string>;
}

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;
const CHANGED_DAY = /CHANGED#(\d{4}-\d{2}-\d{2})/g;
/**
 * Fields that describe the act of running, not the data: `expiresAt` is the epoch-second expiry of cached
 * robots.txt (run clock plus a TTL); a feed's `health` is poll telemetry (polls, not_modified, last_status,
 * bytes and items of the LAST poll, last_fetched_at). A redelivered feed message really does poll again (a
 * conditional GET answered 304), so these counters legitimately differ; etag, last_modified and every article
 * and event are still compared.
 */
const VOLATILE_FIELDS = new Set(['expiresAt', 'health']);

/**
 * Times at which the pipeline itself ran (updated_at, last_seen, health.last_fetched_at, next_poll_at, coded_at,
 * fetched_at, the byChanged index keys built from them...) differ between two runs by
 * nature. They are recognised by value, not by name: an ISO instant inside the run's window `[from, to]`
 * becomes `<run-time>`; news dates (published, event dates) lie outside it and are compared exactly.
 */
export function normaliser(from: Date, to: Date): (value: unknown) => unknown {
  const low = from.getTime() - 60_000;
  // Up to a day ahead: next poll times and leases are run time plus an interval.
  const high = to.getTime() + 86_400_000;
  const text = (value: string): string =>
    value
      .replace(ISO_TIME, (instant) => {
        const at = Date.parse(instant);
        return at >= low && at <= high ? '<run-time>' : instant;
      })
      // The byChanged partition is the run's day: two runs either side of midnight (UTC) differ in it.
      .replace(CHANGED_DAY, (whole, day: string) => {
        const start = Date.parse(`${day}T00:00:00Z`);
        return start + 86_400_000 > low && start <= high ? 'CHANGED#<run-day>' : whole;
      });
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (value instanceof Set) return [...value].map(walk).sort();
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      const entries = Object.entries(value)
        .filter(([key]) => !VOLATILE_FIELDS.has(key))
        .map(([key, inner]) => [key, walk(inner)]);
      return Object.fromEntries(entries.sort(([a], [b]) => String(a).localeCompare(String(b))));
    }
    return value;
  };
  return walk;
}

/** Full scans of the four tables and every object of the bucket (gzip bodies compared unzipped). */
export async function takeSnapshot(
  clients: AwsClients,
  config: AppConfig,
  normalise: (value: unknown) => unknown,
): Promise<StoreSnapshot> {
  const tables: Record<string, unknown[]> = {};
  for (const [id, name] of Object.entries(config.tables)) {
    const items: unknown[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await clients.doc.send(new ScanCommand({ TableName: name, ExclusiveStartKey: cursor }));
      items.push(...(page.Items ?? []).map(normalise));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    tables[id] = items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return { tables, objects: await bucketContents(clients, bucketName(config), normalise) };
}

async function bucketContents(
  clients: AwsClients,
  bucket: string,
  normalise: (value: unknown) => unknown,
): Promise<Record<string, string>> {
  // One page of up to 1000 keys: s3rver's continuation tokens need node's legacy OpenSSL provider.
  const listing = await clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
  if (listing.IsTruncated) throw new Error('bucket holds more than 1000 objects: the snapshot would be partial');
  const objects: Record<string, string> = {};
  for (const { Key } of listing.Contents ?? []) {
    if (!Key) continue;
    const result = await clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
    const bytes = Buffer.from((await result.Body?.transformToByteArray()) ?? new Uint8Array());
    const body = Key.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    const content = Key.endsWith('.json') ? JSON.stringify(normalise(JSON.parse(body))) : body;
    objects[String(normalise(Key))] = createHash('sha256').update(content).digest('hex').slice(0, 16);
  }
  return objects;
}

/** Items per table and objects per key prefix: a readable summary when two snapshots differ. */
export function countsOf(snapshot: StoreSnapshot): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [id, items] of Object.entries(snapshot.tables)) counts[`table:${id}`] = items.length;
  for (const key of Object.keys(snapshot.objects)) {
    const prefix = `s3:${key.split('/')[0] ?? ''}`;
    counts[prefix] = (counts[prefix] ?? 0) + 1;
  }
  return counts;
}
