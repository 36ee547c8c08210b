/**
 * Physical design of the DynamoDB tables, shared by the storage adapters, the local stack and the CDK app so
 * that keys and index names can never disagree. Every table has a string partition key `pk` and sort key `sk`.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Time-to-live attribute (epoch seconds) on transient items: the host gate and the robots.txt cache. */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * A global secondary index with string keys `<name>Pk` and `<name>Sk`. `projected` lists the non-key attributes
 * it copies ('all' for every one); an update that changes none of them costs the index nothing.
 */
export interface IndexDesign {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly projected: 'all' | readonly string[];
}

/** The DynamoDB projection of an index, for the local stack and the CDK app alike. */
export function projectionOf(index: IndexDesign): { type: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; attributes: string[] } {
  if (index.projected === 'all') return { type: 'ALL', attributes: [] };
  return { type: index.projected.length === 0 ? 'KEYS_ONLY' : 'INCLUDE', attributes: [...index.projected] };
}

function index(name: string, projected: IndexDesign['projected'] = 'all'): IndexDesign {
  return { name, partitionKey: `${name}Pk`, sortKey: `${name}Sk`, projected };
}

/** What the event queries filter on besides the index key; readers fetch whole items by key afterwards. */
const EVENT_FILTER_ATTRIBUTES = ['type', 'root', 'location'] as const;
const eventIndex = (name: string): IndexDesign => index(name, EVENT_FILTER_ATTRIBUTES);

/**
 * The event ids on each coded article's record, the one attribute byChanged projects. Its camelCase name predates
 * the snake_case records (schema version 2) and stays: DynamoDB cannot change an index's projection in place. The
 * published record names it `event_ids` (toArticleCodedRecord).
 */
export const CHANGED_EVENT_IDS = 'eventIds';

export const FEEDS_INDEXES = { byDue: index('byDue') } as const;
/**
 * A date range alone reads the type partitions (byType) of the types its months hold, as the calendar lists them:
 * no index of dates, one index write less per event.
 */
export const EVENTS_INDEXES = {
  bySource: eventIndex('bySource'),
  byTarget: eventIndex('byTarget'),
  byType: eventIndex('byType'),
  byLocation: eventIndex('byLocation'),
  /**
   * On the record of each coded article, not on events: one entry per article rather than per event update. The
   * record is written once, so carrying its event ids costs the index nothing later.
   */
  byChanged: index('byChanged', [CHANGED_EVENT_IDS]),
} as const;

export interface TableDesign {
  /** Logical name, also the suffix of the local table name. */
  readonly id: 'feeds' | 'articles' | 'events' | 'state';
  readonly indexes: readonly IndexDesign[];
  readonly ttl: boolean;
  /** Whether the table has a change stream (new and old images). */
  readonly stream: boolean;
}

export const TABLES: readonly TableDesign[] = [
  { id: 'feeds', indexes: Object.values(FEEDS_INDEXES), ttl: false, stream: false },
  // Articles are read by key only: they need no index.
  { id: 'articles', indexes: [], ttl: false, stream: false },
  { id: 'events', indexes: Object.values(EVENTS_INDEXES), ttl: false, stream: true },
  { id: 'state', indexes: [], ttl: true, stream: false },
];

/**
 * Attributes the stores keep beside a record's fields, never published and named as first deployed: item and
 * index keys, the item kind, the expiry of transient items, the attribute byChanged projects, the sets and
 * counters that make merging a report one idempotent write, and an article's linked copies and claim owners.
 * Renaming them would mean rebuilding indexes and rewriting live sets. Every other attribute of the feeds,
 * articles and events tables is snake_case; the state table holds only the fetcher's transient state (host gate,
 * robots.txt cache), which expires within a day and is never published.
 */
export const TABLE_DESIGN_ATTRIBUTES: ReadonlySet<string> = new Set([
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  ...TABLES.flatMap((table) => table.indexes.flatMap((index) => [index.partitionKey, index.sortKey])),
  'kind',
  TTL_ATTRIBUTE,
  CHANGED_EVENT_IDS,
  'mentionKeys',
  'articleIds',
  'outlets',
  'untrackedMentions',
  'untrackedArticles',
  'bestMention',
  'copies',
  'owners',
  'rank',
]);
