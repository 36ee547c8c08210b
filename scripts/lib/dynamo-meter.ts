// Meters what DynamoDB would bill for the requests a client sends: write units on the table and on every
// global secondary index (by AWS's rules for index writes), read units, and the stream records that become
// bus events. The local server does not report index capacity, so each written item is read back (unmetered)
// and compared with its previous image.
import { createRequire } from 'node:module';
import { type AttributeValue, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as StreamAttributeValue } from 'aws-lambda';
import { PUBLISHED_KINDS } from '../../infra/constructs/downstream.js';
import { toChangeEvent } from '../../src/changes/change-events.js';
import { countsOf } from '../../src/storage/event-item.js';
import type { IndexDesign, TableDesign } from '../../src/storage/table-design.js';

type Item = Record<string, AttributeValue>;

const dynaliteDb = createRequire(import.meta.url)('dynalite/db/index.js') as { itemSize: (item: Item) => number };

export interface DynamoUsage {
  /** Write units on the base tables. */
  tableWru: number;
  /** Write units the global secondary indexes add. */
  indexWru: number;
  rru: number;
  requests: number;
  /** Bus events the publisher puts: one per article whose changes it publishes, one per change of no article. */
  busEvents: number;
  /** Stream records the publisher turns into changes: the bus events of one bus event per change. */
  recordChanges: number;
  /** Articles whose changes have their bus event counted. */
  busArticles: Set<string>;
  /** Write units per table and index, for the breakdown. */
  byTarget: Map<string, number>;
  /** Writes and their write units (table and indexes) per item kind, see {@link itemKind}. */
  byKind: Map<string, { writes: number; units: number }>;
  /** Write units per item kind and table or index: what a kind's writes cost, cause by cause. */
  byKindTarget: Map<string, Map<string, number>>;
  /** Sizes in bytes of the items each kind's writes left (smallest, largest, sum), as DynamoDB bills them. */
  bytesByKind: Map<string, { min: number; max: number; total: number }>;
  /** Changes per kind (created, updated, coded). */
  busByType: Map<string, number>;
  /**
   * Event items created or whose counts changed: what publishing one bus event per event change would put on the
   * bus (the design before one event per coded article).
   */
  eventChanges: number;
  /** Conditional writes that failed (billed all the same), per item kind. */
  failedByKind: Map<string, number>;
  /** Read units of single-item reads (GetItem), per item kind. */
  readsByKind: Map<string, number>;
  /** Stream records of the events table that pass publish-changes' filter (items of a published kind). */
  publishedRecords: number;
}

function newUsage(): DynamoUsage {
  return {
    tableWru: 0,
    indexWru: 0,
    rru: 0,
    requests: 0,
    busEvents: 0,
    recordChanges: 0,
    busArticles: new Set(),
    byTarget: new Map(),
    byKind: new Map(),
    byKindTarget: new Map(),
    bytesByKind: new Map(),
    busByType: new Map(),
    eventChanges: 0,
    failedByKind: new Map(),
    readsByKind: new Map(),
    publishedRecords: 0,
  };
}

/** Starts the counts afresh (after a warm-up); the item images the meter keeps stay. */
export function resetUsage(usage: DynamoUsage): void {
  Object.assign(usage, newUsage());
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand']);

/**
 * Adds metering middleware to `client`, which talks to the local server at `endpoint`; `tables` maps each
 * physical table name to its design.
 */
export function meterDynamo(
  client: DynamoDBClient,
  endpoint: string,
  tables: ReadonlyMap<string, TableDesign>,
  streamTable: string,
): DynamoUsage {
  const usage = newUsage();
  const shadow = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'meter', secretAccessKey: 'meter' },
  });
  const images = new Map<string, Item | undefined>();
  const add = (target: string, units: number, index: boolean, kind?: string): void => {
    if (units === 0) return;
    if (index) usage.indexWru += units;
    else usage.tableWru += units;
    usage.byTarget.set(target, (usage.byTarget.get(target) ?? 0) + units);
    if (kind === undefined) return;
    const targets = usage.byKindTarget.get(kind) ?? new Map<string, number>();
    targets.set(target, (targets.get(target) ?? 0) + units);
    usage.byKindTarget.set(kind, targets);
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const input = args.input as { TableName?: string; Key?: Item; Item?: Item; ConsistentRead?: boolean };
      usage.requests += 1;
      if (!WRITES.has(command) || !input.TableName) {
        const result = await next(args);
        const response = result.response as { headers?: Record<string, string> };
        // A read unit is a strongly consistent read of up to 4 KB; an eventually consistent one costs half.
        const units = Math.max(1, Math.ceil(Number(response.headers?.['content-length'] ?? 0) / 4096));
        const read = input.ConsistentRead ? units : units / 2;
        usage.rru += read;
        if (input.Key) {
          const kind = itemKind(input.Key, {});
          usage.readsByKind.set(kind, (usage.readsByKind.get(kind) ?? 0) + read);
        }
        return result;
      }
      const table = input.TableName;
      const key = input.Key ?? keyOf(input.Item ?? {});
      const id = `${table}|${JSON.stringify(key)}`;
      const before = images.get(id);
      try {
        const result = await next(args);
        const after = (await shadow.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true })))
          .Item;
        images.set(id, after);
        const kind = itemKind(key, before);
        const tableUnits = writeUnits(before, after);
        add(table, tableUnits, false, kind);
        let indexUnits = 0;
        for (const index of tables.get(table)?.indexes ?? []) {
          const units = indexWriteUnits(index, before, after);
          indexUnits += units;
          add(`${table}/${index.name}`, units, true, kind);
        }
        const bytes = sizeOf(after);
        const sizes = usage.bytesByKind.get(kind);
        usage.bytesByKind.set(kind, {
          min: Math.min(sizes?.min ?? bytes, bytes),
          max: Math.max(sizes?.max ?? bytes, bytes),
          total: (sizes?.total ?? 0) + bytes,
        });
        const sofar = usage.byKind.get(kind) ?? { writes: 0, units: 0 };
        usage.byKind.set(kind, { writes: sofar.writes + 1, units: sofar.units + tableUnits + indexUnits });
        if (table === streamTable && isEventChange(before, after)) usage.eventChanges += 1;
        if (table === streamTable && changed(before, after) && isPublishedKind(after)) usage.publishedRecords += 1;
        if (table === streamTable && changed(before, after)) {
          const change = toChangeEvent({
            eventName: before ? 'MODIFY' : 'INSERT',
            dynamodb: {
              ...(after ? { NewImage: after as Record<string, StreamAttributeValue> } : {}),
              ...(before ? { OldImage: before as Record<string, StreamAttributeValue> } : {}),
            },
          });
          if (change) {
            // An article's changes share one bus event (the stream batch holds them together in the common case).
            if (change.article === null || !usage.busArticles.has(change.article)) usage.busEvents += 1;
            if (change.article !== null) usage.busArticles.add(change.article);
            usage.recordChanges += 1;
            usage.busByType.set(change.change, (usage.busByType.get(change.change) ?? 0) + 1);
          }
        }
        return result;
      } catch (error) {
        // A failed condition is billed as a write of the existing item.
        add(table, writeUnits(before, undefined), false);
        const kind = itemKind(key, before);
        usage.failedByKind.set(kind, (usage.failedByKind.get(kind) ?? 0) + 1);
        throw error;
      }
    },
    { step: 'build', name: 'dynamoMeter' },
  );
  return usage;
}

/**
 * What a write wrote, from its key prefixes: `EVENT/EVENT` for an event item, `EVENT/MENTION` for a mention,
 * `ARTICLE/ARTICLE` for an article's status; ` new` when the item did not exist before.
 */
export function itemKind(key: Item, before: Item | undefined): string {
  const prefix = (value: AttributeValue | undefined): string => (value?.S ?? '').split('#')[0] ?? '';
  return `${prefix(key.pk)}/${prefix(key.sk)}${before ? '' : ' new'}`;
}

function keyOf(item: Item): Item {
  const { pk, sk } = item;
  if (!pk || !sk) throw new Error('item without pk/sk');
  return { pk, sk };
}

function sizeOf(item: Item | undefined): number {
  return item ? dynaliteDb.itemSize(item) : 0;
}

/** Base-table write units: the larger of the old and new item, per started KB, at least 1. */
export function writeUnits(before: Item | undefined, after: Item | undefined): number {
  return Math.max(1, Math.ceil(Math.max(sizeOf(before), sizeOf(after)) / 1024));
}

/**
 * Index write units for one base write: a put where the item enters the index, a delete where it leaves, both
 * when its index key changes, and an update only when a projected attribute changes.
 */
export function indexWriteUnits(index: IndexDesign, before: Item | undefined, after: Item | undefined): number {
  const old = projection(index, before);
  const next = projection(index, after);
  const units = (item: Item): number => Math.max(1, Math.ceil(sizeOf(item) / 1024));
  if (!old && !next) return 0;
  if (!old && next) return units(next);
  if (old && !next) return units(old);
  if (!old || !next) return 0;
  const sameKey =
    JSON.stringify(old[index.partitionKey]) === JSON.stringify(next[index.partitionKey]) &&
    JSON.stringify(old[index.sortKey]) === JSON.stringify(next[index.sortKey]);
  if (!sameKey) return units(old) + units(next);
  return JSON.stringify(old) === JSON.stringify(next) ? 0 : units(next);
}

/** The item as the index stores it, or undefined when it is not in the index (sparse keys). */
function projection(index: IndexDesign, item: Item | undefined): Item | undefined {
  if (!item?.[index.partitionKey] || !item[index.sortKey]) return undefined;
  if (index.projected === 'all') return item;
  const names = ['pk', 'sk', index.partitionKey, index.sortKey, ...index.projected];
  return Object.fromEntries(
    names.filter((name) => item[name] !== undefined).map((name) => [name, item[name] as AttributeValue]),
  );
}

function isPublishedKind(item: Item | undefined): boolean {
  return (PUBLISHED_KINDS as readonly string[]).includes(item?.kind?.S ?? '');
}

function isEventChange(before: Item | undefined, after: Item | undefined): boolean {
  const next = after ? unmarshall(after) : null;
  if (next?.kind !== 'event') return false;
  const previous = before ? unmarshall(before) : null;
  if (previous?.kind !== 'event') return true;
  return JSON.stringify(countsOf(previous)) !== JSON.stringify(countsOf(next));
}

function changed(before: Item | undefined, after: Item | undefined): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}
