/**
 * Physical design of the DynamoDB tables, shared by the storage adapters, the local stack and the CDK app so
 * that keys and index names can never disagree. Every table has a string partition key `pk` and sort key `sk`.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Time-to-live attribute (epoch seconds) on transient items: fetch state, robots cache, idempotency records. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** A global secondary index with string keys `<name>Pk` and `<name>Sk`, projecting all attributes. */
export interface IndexDesign {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

function index(name: string): IndexDesign {
  return { name, partitionKey: `${name}Pk`, sortKey: `${name}Sk` };
}

export const FEEDS_INDEXES = { byDue: index('byDue') } as const;
export const ARTICLES_INDEXES = { byOutlet: index('byOutlet') } as const;
export const EVENTS_INDEXES = {
  byDate: index('byDate'),
  bySource: index('bySource'),
  byTarget: index('byTarget'),
  byType: index('byType'),
  byRoot: index('byRoot'),
  byLocation: index('byLocation'),
  byArticle: index('byArticle'),
  byChanged: index('byChanged'),
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
  { id: 'articles', indexes: Object.values(ARTICLES_INDEXES), ttl: false, stream: false },
  { id: 'events', indexes: Object.values(EVENTS_INDEXES), ttl: false, stream: true },
  { id: 'state', indexes: [], ttl: true, stream: false },
];
