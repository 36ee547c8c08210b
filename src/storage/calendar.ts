import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  paginateScan,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './record-upgrade.js';
import { EVENTS_INDEXES as IX } from './table-design.js';

/** `month`: YYYY-MM, the partitions of the date index; `day`: YYYY-MM-DD, those of the change index. */
export type CalendarUnit = 'month' | 'day';

const PK = 'CALENDAR';
const PREFIX: Record<CalendarUnit, string> = { month: 'MONTH#', day: 'DAY#' };
/** Marks a local events table whose calendar was rebuilt from its items (see rebuildCalendar). */
const REBUILT = { pk: PK, sk: 'REBUILT' };
/** The date index partition of a month's events (YYYY-MM). */
export function monthPartition(month: string): string {
  return `DATE#${month}`;
}

/** The change index partition of a day's coded articles (YYYY-MM-DD). */
export function dayPartition(day: string): string {
  return `CHANGED#${day}`;
}

/** Entries a process remembers before it starts afresh. */
const MAX_KNOWN = 10_000;

/**
 * The sparse calendar of the events table: which months hold events (partitions `DATE#YYYY-MM` of the date index)
 * and which days had articles coded (partitions `CHANGED#YYYY-MM-DD` of the change index), one small item per
 * month or day under pk `CALENDAR`. A query over any range reads the calendar first (one Query) and then only the
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
      ProjectionExpression: '#date, #changed',
      ExpressionAttributeNames: { '#date': IX.byDate.partitionKey, '#changed': IX.byChanged.partitionKey },
    },
  );
  for await (const page of pages)
    for (const item of page.Items ?? []) {
      const date = item[IX.byDate.partitionKey];
      const changed = item[IX.byChanged.partitionKey];
      if (typeof date === 'string') await calendar.note('month', [date.slice(monthPartition('').length)]);
      if (typeof changed === 'string') await calendar.note('day', [changed.slice(dayPartition('').length)]);
    }
  await doc.send(new PutCommand({ TableName: tableName, Item: { ...REBUILT, kind: 'calendar' } }));
}
