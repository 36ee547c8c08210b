import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  paginateScan,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './record-upgrade.js';
import { EVENTS_INDEXES as IX } from './table-design.js';

/**
 * `month`: YYYY-MM#TYPE, the event types a month holds (the type index partitions a date range reads; an entry
 * written before types were kept is YYYY-MM alone); `day`: YYYY-MM-DD, the partitions of the change index.
 */
export type CalendarUnit = 'month' | 'day';

const PK = 'CALENDAR';
const PREFIX: Record<CalendarUnit, string> = { month: 'MONTH#', day: 'DAY#' };
/** Marks a local events table whose calendar was rebuilt from its items (see rebuildCalendar). */
const REBUILT = { pk: PK, sk: 'REBUILT' };
/** The calendar entry of a month (YYYY-MM) that holds events of a type. */
export function monthOfType(month: string, type: string): string {
  return `${month}#${type}`;
}

/** The date index partition of a month's events (YYYY-MM), on items written before the type calendar. */
const LEGACY_MONTH_PARTITION = 'DATE#';
/** The attribute that held it (the date index is gone). */
const LEGACY_DATE_KEY = 'byDatePk';

/** The change index partition of a day's coded articles (YYYY-MM-DD). */
export function dayPartition(day: string): string {
  return `CHANGED#${day}`;
}

/** Entries a process remembers before it starts afresh. */
const MAX_KNOWN = 10_000;

/**
 * The sparse calendar of the events table: which event types each month holds (so a date range reads only the
 * type index partitions that have events then) and which days had articles coded (partitions `CHANGED#YYYY-MM-DD`
 * of the change index), one small item per month and type or per day under pk `CALENDAR`. A query over any range
 * reads the calendar first (one Query) and then only the
 * partitions that hold something, so a range of a century costs what its few busy months cost, and nothing is cut
 * off by a cap. An entry is written before the first item of its partition (a crash leaves at most an empty
 * partition listed), and only when it is new: a process reads an entry the first time it meets it and remembers
 * it, so a coded article adds a write only when it opens a month or day, not one per event.
 */
export class Calendar {
  private readonly known = new Set<string>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Records that `unit` partitions exist for these values; call before writing their items. */
  async note(unit: CalendarUnit, values: Iterable<string>): Promise<void> {
    for (const value of new Set(values)) {
      const sk = `${PREFIX[unit]}${value}`;
      if (this.known.has(sk)) continue;
      const found = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { pk: PK, sk } }));
      if (!found.Item) await this.put(sk);
      if (this.known.size >= MAX_KNOWN) this.known.clear();
      this.known.add(sk);
    }
  }

  /** The values of `unit` from `from` to `to` (inclusive, same format) that hold items, in order. */
  async between(unit: CalendarUnit, from: string, to: string): Promise<string[]> {
    const values: string[] = [];
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': PK, ':from': `${PREFIX[unit]}${from}`, ':to': `${PREFIX[unit]}${to}` },
        ProjectionExpression: 'sk',
      },
    );
    for await (const page of pages)
      for (const item of page.Items ?? []) values.push(String(item.sk).slice(PREFIX[unit].length));
    return values;
  }

  private async put(sk: string): Promise<void> {
    await this.doc
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: PK, sk, kind: 'calendar' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }
}

/**
 * Builds the calendar of an events table written before it kept one, from its items' index keys: one Scan, done
 * once (a marker records it). For the local stack, whose data folders outlive code versions.
 */
export async function rebuildCalendar(doc: DynamoDBDocumentClient, tableName: string): Promise<void> {
  if ((await doc.send(new GetCommand({ TableName: tableName, Key: REBUILT, ConsistentRead: true }))).Item) return;
  const calendar = new Calendar(doc, tableName);
  const pages = paginateScan(
    { client: doc },
    {
      TableName: tableName,
      ProjectionExpression: '#date, #type, #changed',
      ExpressionAttributeNames: {
        '#date': LEGACY_DATE_KEY,
        '#type': IX.byType.partitionKey,
        '#changed': IX.byChanged.partitionKey,
      },
    },
  );
  for await (const page of pages)
    for (const item of page.Items ?? []) {
      const date = item[LEGACY_DATE_KEY];
      const type = item[IX.byType.partitionKey];
      const changed = item[IX.byChanged.partitionKey];
      if (typeof date === 'string' && typeof type === 'string')
        await calendar.note('month', [
          monthOfType(date.slice(LEGACY_MONTH_PARTITION.length), type.slice('TYPE#'.length)),
        ]);
      if (typeof changed === 'string') await calendar.note('day', [changed.slice(dayPartition('').length)]);
    }
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...REBUILT, kind: 'calendar' } }));
}
