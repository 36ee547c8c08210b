import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ploverTypesOfRoot } from '../coder/cameo.js';
import { isCalendarDate } from '../core/dates.js';
import { PLOVER_TYPES, type PloverType } from '../core/event-schema.js';
import { batchGetItems, type ItemKey } from '../storage/batch-get.js';
import { Calendar, dayPartition } from '../storage/calendar.js';
import { articleCodedKey, eventKey, MENTION_PREFIX } from '../storage/event-identity.js';
import { eventIdsOf, toEventRecord, toMentionRecord } from '../storage/event-item.js';
import type { EventRecord, MentionRecord } from '../storage/records.js';
import { type IndexDesign, EVENTS_INDEXES as IX, TABLE_KEYS } from '../storage/table-design.js';
import { decodeCursor, encodeCursor, InvalidCursorError, queryDigest } from './cursor.js';
import { InvalidFilterError } from './query-filter.js';

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
  /** Items per page, 1..MAX_PAGE_SIZE (default 100). */
  limit?: number;
  cursor?: string;
}

/** The largest page a reader returns. */
export const MAX_PAGE_SIZE = 1000;

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
 * purpose-built index (never a Scan); pages carry opaque cursors, checked strictly when sent back. Day and month
 * partitions are found through the table's calendar (storage/calendar.ts), so any date range is answered in full:
 * there is no cap on how many months or days a query may span. Invalid parameters (a date that does not exist, a
 * limit out of range, an over-long id, a forged cursor) are InvalidFilterError or InvalidCursorError.
 */
export class EventReader {
  private readonly calendar: Calendar;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.calendar = new Calendar(doc, tableName);
  }

  async get(eventId: string): Promise<EventRecord | undefined> {
    checkId(eventId, 'event id');
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: eventKey(eventId) }));
    return result.Item ? toEventRecord(result.Item) : undefined;
  }

  /** Events in a day range, narrowed by actor, type, CAMEO root or location country. */
  async events(filter: EventFilter): Promise<Page<EventRecord>> {
    const limit = checkLimit(filter.limit);
    checkDays(filter.from, filter.to);
    const { limit: _limit, cursor, ...parameters } = filter;
    const { plans, residual } = await this.planFor(filter);
    const page = await this.run(plans, limit, cursor, queryDigest('events', parameters), residual);
    return { items: await this.eventsAt(page.items.map(keyOf)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** Every report of an event. */
  async mentions(eventId: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<MentionRecord>> {
    checkId(eventId, 'event id');
    const limit = checkLimit(options.limit);
    const { pk } = eventKey(eventId);
    const query = queryDigest('mentions', { eventId });
    const state = decodeCursor(options.cursor, query);
    if (state && (state.partition !== pk || !isMentionKey(state.key, pk)))
      throw new InvalidCursorError('cursor is not one this API issued');
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :mention)',
        ExpressionAttributeValues: { ':pk': pk, ':mention': MENTION_PREFIX },
        Limit: limit,
        ExclusiveStartKey: state?.key,
      }),
    );
    const items = (result.Items ?? []).map(toMentionRecord);
    const key = stringKey(result.LastEvaluatedKey);
    return { items, ...(key ? { cursor: encodeCursor({ query, partition: pk, key }) } : {}) };
  }

  /** Ids of the events an article reported, from the record written when it was coded. */
  async eventsOfArticle(articleId: string): Promise<string[]> {
    checkId(articleId, 'article id');
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
   * articles coded since then, on the days the calendar lists, so `limit` bounds the articles read and a page holds
   * the events they changed.
   */
  async changedSince(
    since: Date,
    options: { limit?: number; cursor?: string; until?: Date } = {},
  ): Promise<Page<EventRecord>> {
    const limit = checkLimit(options.limit);
    if (Number.isNaN(since.getTime())) throw new InvalidFilterError('since must be a valid time');
    const until = options.until ?? new Date();
    const days = await this.calendar.between('day', since.toISOString().slice(0, 10), until.toISOString().slice(0, 10));
    const plans = days.map((day) => ({
      index: IX.byChanged,
      partition: dayPartition(day),
      from: since.toISOString(),
      to: `${until.toISOString()}~`,
    }));
    const page = await this.run(
      plans,
      limit,
      options.cursor,
      queryDigest('changes', { since: since.toISOString() }),
      null,
    );
    const eventIds = [...new Set(page.items.flatMap(eventIdsOf))];
    return { items: await this.eventsAt(eventIds.map(eventKey)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** Whole events for index entries: indexes carry keys and filter fields only. */
  private async eventsAt(keys: ItemKey[]): Promise<EventRecord[]> {
    return (await batchGetItems(this.doc, this.tableName, keys)).map(toEventRecord);
  }

  /**
   * Reads the plans' partitions in order until `limit` items: the cursor names the partition to go on with and
   * DynamoDB's last key in it, and is refused unless it belongs to this query and lies inside that partition.
   */
  private async run(
    plans: QueryPlan[],
    limit: number,
    cursor: string | undefined,
    query: string,
    filter: Residual | null,
  ): Promise<Page<Record<string, unknown>>> {
    const items: Record<string, unknown>[] = [];
    const state = decodeCursor(cursor, query);
    let plan = state ? plans.findIndex((candidate) => planId(candidate) === state.partition) : 0;
    let key = state?.key;
    const resumed = plans[plan];
    if (state && (!resumed || (key && !isIndexKey(key, resumed))))
      throw new InvalidCursorError('cursor is not one this API issued');
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
      key = stringKey(result.LastEvaluatedKey);
      if (!key) plan += 1;
    }
    const next = plans[plan];
    return { items, ...(next ? { cursor: encodeCursor({ query, partition: planId(next), key }) } : {}) };
  }

  /**
   * The most selective index for the filter; the rest of the filter runs on the server as a FilterExpression. A
   * CAMEO root has no index of its own (one less index write per event): its events are read from the partitions
   * of the PLOVER types its codes map to, filtered on the root. A date range alone reads the type partitions of
   * the types the calendar lists for its months (every type for a month listed before types were kept), type by
   * type, each in date order.
   */
  private async planFor(filter: EventFilter): Promise<{ plans: QueryPlan[]; residual: Residual | null }> {
    const range = { from: filter.from, to: `${filter.to}~` };
    if (filter.actor) {
      const roles =
        filter.role === 'source'
          ? [IX.bySource]
          : filter.role === 'target'
            ? [IX.byTarget]
            : [IX.bySource, IX.byTarget];
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
      return {
        plans: [{ index: IX.byLocation, partition: `LOC#${filter.location}`, ...range }],
        residual: null,
      };
    const months = await this.calendar.between('month', filter.from.slice(0, 7), `${filter.to.slice(0, 7)}~`);
    const listed = months.map((entry) => entry.split('#')[1]);
    const present = listed.some((type) => type === undefined) ? PLOVER_TYPES : listed;
    const held = PLOVER_TYPES.filter((type) => present.includes(type));
    return {
      plans: held.map((type) => ({ index: IX.byType, partition: `TYPE#${type}`, ...range })),
      residual: null,
    };
  }
}

function planId(plan: QueryPlan): string {
  return `${plan.index.name}|${plan.partition}`;
}

/** A key DynamoDB could have returned as LastEvaluatedKey in this plan: table and index keys, inside its range. */
function isIndexKey(key: Record<string, string>, plan: QueryPlan): boolean {
  const names = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, plan.index.partitionKey, plan.index.sortKey];
  const sortKey = key[plan.index.sortKey] ?? '';
  return (
    Object.keys(key).length === names.length &&
    names.every((name) => typeof key[name] === 'string') &&
    key[plan.index.partitionKey] === plan.partition &&
    sortKey >= plan.from &&
    sortKey <= plan.to
  );
}

function isMentionKey(key: Record<string, string> | undefined, pk: string): boolean {
  if (!key) return true;
  return Object.keys(key).length === 2 && key.pk === pk && (key.sk ?? '').startsWith(MENTION_PREFIX);
}

function stringKey(key: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!key) return undefined;
  return Object.fromEntries(Object.entries(key).map(([name, value]) => [name, String(value)]));
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new InvalidFilterError(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${limit}`);
  return limit;
}

function checkDays(from: string, to: string): void {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isCalendarDate(value))
      throw new InvalidFilterError(`${name} must be a date YYYY-MM-DD that exists, got "${value}"`);
  if (from > to) throw new InvalidFilterError(`from (${from}) is after to (${to})`);
}

/** Ids are short hashes; a key this long or of other characters names nothing and would be refused by DynamoDB. */
function checkId(id: string, name: string): void {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id))
    throw new InvalidFilterError(
      `${name} must be 1 to 128 letters, digits, '-' or '_', got ${JSON.stringify(id.slice(0, 40))}${id.length > 40 ? '...' : ''}`,
    );
}

interface Residual {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
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

function keyOf(item: Record<string, unknown>): ItemKey {
  return { pk: String(item.pk), sk: String(item.sk) };
}
