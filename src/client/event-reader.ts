import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ploverTypesOfRoot } from '../coder/cameo.js';
import type { PloverType } from '../core/event-schema.js';
import { batchGetItems, type ItemKey } from '../storage/batch-get.js';
import { articleCodedKey, eventKey, MENTION_PREFIX } from '../storage/event-identity.js';
import { eventIdsOf, toEventRecord, toMentionRecord } from '../storage/event-item.js';
import type { EventRecord, MentionRecord } from '../storage/records.js';
import { type IndexDesign, EVENTS_INDEXES as IX } from '../storage/table-design.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Server-side filters; `from`/`to` are inclusive YYYY-MM-DD days. */
export interface EventFilter {
  from: string;
  to: string;
  /** ISO 3166 alpha-3 (or IGO/NGO) code of an actor. */
  actor?: string;
  /** Which side the actor is on (default: either). */
  role?: 'source' | 'target' | 'any';
  type?: PloverType;
  /** CAMEO root code, e.g. "14" for protests. */
  root?: string;
  /** Country (ISO3) where the event happened. */
  location?: string;
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  cursor?: string;
}

interface QueryPlan {
  index: IndexDesign;
  partition: string;
  from: string;
  to: string;
}

/**
 * Typed read access to the events table for downstream services. Every access pattern is a Query on a
 * purpose-built index (never a Scan); pages carry opaque cursors.
 */
export class EventReader {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(eventId: string): Promise<EventRecord | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: eventKey(eventId) }));
    return result.Item ? toEventRecord(result.Item) : undefined;
  }

  /** Events in a day range, narrowed by actor, type, CAMEO root or location country. */
  async events(filter: EventFilter): Promise<Page<EventRecord>> {
    const { plans, residual } = planFor(filter);
    const page = await this.run(plans, filter.limit ?? 100, filter.cursor, residual);
    return { items: await this.eventsAt(page.items.map(keyOf)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** Every report of an event. */
  async mentions(eventId: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<MentionRecord>> {
    const state = decodeCursor(options.cursor);
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :mention)',
        ExpressionAttributeValues: { ':pk': eventKey(eventId).pk, ':mention': MENTION_PREFIX },
        Limit: options.limit ?? 100,
        ExclusiveStartKey: state.key,
      }),
    );
    const items = (result.Items ?? []).map(toMentionRecord);
    return {
      items,
      ...(result.LastEvaluatedKey ? { cursor: encodeCursor({ plan: 0, key: result.LastEvaluatedKey }) } : {}),
    };
  }

  /** Ids of the events an article reported, from the record written when it was coded. */
  async eventsOfArticle(articleId: string): Promise<string[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :coded',
        ExpressionAttributeValues: { ':pk': articleCodedKey(articleId).pk, ':coded': articleCodedKey(articleId).sk },
      }),
    );
    const item = result.Items?.[0];
    return item ? eventIdsOf(item) : [];
  }

  /**
   * Events changed since a time, oldest change first: a polling change feed. Changes are found through the
   * articles coded since then, so `limit` bounds the articles read and a page holds the events they changed.
   */
  async changedSince(
    since: Date,
    options: { limit?: number; cursor?: string; until?: Date } = {},
  ): Promise<Page<EventRecord>> {
    const until = options.until ?? new Date();
    const plans = days(since.toISOString().slice(0, 10), until.toISOString().slice(0, 10)).map((day) => ({
      index: IX.byChanged,
      partition: `CHANGED#${day}`,
      from: since.toISOString(),
      to: `${until.toISOString()}~`,
    }));
    const page = await this.run(plans, options.limit ?? 100, options.cursor, null);
    const eventIds = [...new Set(page.items.flatMap(eventIdsOf))];
    return { items: await this.eventsAt(eventIds.map(eventKey)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** Whole events for index entries: indexes carry keys and filter fields only. */
  private async eventsAt(keys: ItemKey[]): Promise<EventRecord[]> {
    return (await batchGetItems(this.doc, this.tableName, keys)).map(toEventRecord);
  }

  private async run(
    plans: QueryPlan[],
    limit: number,
    cursor: string | undefined,
    filter: Residual | null,
  ): Promise<Page<Record<string, unknown>>> {
    const items: Record<string, unknown>[] = [];
    let { plan, key } = decodeCursor(cursor);
    while (plan < plans.length && items.length < limit) {
      const current = plans[plan];
      if (!current) break;
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: current.index.name,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: {
            '#pk': current.index.partitionKey,
            '#sk': current.index.sortKey,
            ...(filter?.names ?? {}),
          },
          ExpressionAttributeValues: {
            ':pk': current.partition,
            ':from': current.from,
            ':to': current.to,
            ...(filter?.values ?? {}),
          },
          ...(filter ? { FilterExpression: filter.expression } : {}),
          Limit: limit - items.length,
          ExclusiveStartKey: key,
        }),
      );
      items.push(...(result.Items ?? []));
      key = result.LastEvaluatedKey;
      if (!key) plan += 1;
    }
    const more = plan < plans.length;
    return { items, ...(more ? { cursor: encodeCursor({ plan, key }) } : {}) };
  }
}

interface Residual {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/**
 * The most selective index for the filter; the rest of the filter runs on the server as a FilterExpression. A
 * CAMEO root has no index of its own (one less index write per event): its events are read from the partitions
 * of the PLOVER types its codes map to, filtered on the root.
 */
function planFor(filter: EventFilter): { plans: QueryPlan[]; residual: Residual | null } {
  const range = { from: filter.from, to: `${filter.to}~` };
  if (filter.actor) {
    const roles =
      filter.role === 'source' ? [IX.bySource] : filter.role === 'target' ? [IX.byTarget] : [IX.bySource, IX.byTarget];
    return {
      plans: roles.map((index) => ({ index, partition: `ACTOR#${filter.actor}`, ...range })),
      residual: residualFilter(filter, ['type', 'root', 'location']),
    };
  }
  const types = filter.type ? [filter.type] : filter.root ? ploverTypesOfRoot(filter.root) : [];
  if (types.length > 0)
    return {
      plans: types.map((type) => ({ index: IX.byType, partition: `TYPE#${type}`, ...range })),
      residual: residualFilter(filter, ['root', 'location']),
    };
  if (filter.root) return { plans: [], residual: null }; // an unknown root has no events
  if (filter.location)
    return { plans: [{ index: IX.byLocation, partition: `LOC#${filter.location}`, ...range }], residual: null };
  return {
    plans: months(filter.from, filter.to).map((month) => ({ index: IX.byDate, partition: `DATE#${month}`, ...range })),
    residual: null,
  };
}

/** The filter fields the chosen index does not cover, as a FilterExpression on the attributes indexes project. */
function residualFilter(filter: EventFilter, uncovered: readonly ('type' | 'root' | 'location')[]): Residual | null {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (uncovered.includes('type') && filter.type) {
    parts.push('#type = :type');
    names['#type'] = 'type';
    values[':type'] = filter.type;
  }
  if (uncovered.includes('root') && filter.root) {
    parts.push('#root = :root');
    names['#root'] = 'root';
    values[':root'] = filter.root;
  }
  if (uncovered.includes('location') && filter.location) {
    parts.push('#location.#country = :country');
    names['#location'] = 'location';
    names['#country'] = 'country';
    values[':country'] = filter.location;
  }
  return parts.length > 0 ? { expression: parts.join(' AND '), names, values } : null;
}

function months(from: string, to: string): string[] {
  const result: string[] = [];
  const cursor = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const end = to.slice(0, 7);
  while (cursor.toISOString().slice(0, 7) <= end && result.length < 1200) {
    result.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return result;
}

function days(from: string, to: string): string[] {
  const result: string[] = [];
  const cursor = new Date(`${from}T00:00:00Z`);
  while (cursor.toISOString().slice(0, 10) <= to && result.length < 3660) {
    result.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return result;
}

function keyOf(item: Record<string, unknown>): ItemKey {
  return { pk: String(item.pk), sk: String(item.sk) };
}
