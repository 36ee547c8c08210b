import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import { countsOf, type EventCounts, toArticleCodedRecord, toEventRecord } from '../storage/event-item.js';

/**
 * Detail types on the eventwire bus; downstream rules match on them. One bus event per coded article: `Article
 * Coded` carries the coded-article record with the events the article created (`created`) and updated
 * (`updated`, each with its previous counts). `Events Changed` carries event changes whose article's record is not
 * in the same stream batch, or that no single article made (a withdrawn report, a report counted past the tracked
 * cap): `article_id` names the article when one did.
 */
export const DETAIL_TYPES = {
  articleCoded: 'Article Coded',
  eventsChanged: 'Events Changed',
} as const;
export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];

/** One change of the events table that downstream services see, and the article that made it (when one did). */
export interface RecordChange {
  change: 'created' | 'updated' | 'coded';
  article: string | null;
  detail: Record<string, unknown>;
}

/** One bus event: its detail type and detail, and the positions (in the stream batch) of the records it carries. */
export interface BusEvent {
  detailType: DetailType;
  detail: Record<string, unknown>;
  positions: number[];
}

/** Above this many bytes of detail an article's changes go out in more than one bus event (PutEvents: 256 KB). */
export const MAX_DETAIL_BYTES = 200_000;

/**
 * Turns one change of the events table into what downstream services receive, or null for changes they do not
 * need (mentions, corrections and schema upgrades that leave the counts as they were). The detail is the published
 * record (EventRecordSchema, ArticleCodedRecordSchema), without the table's bookkeeping; updated events carry the
 * previous counts under `previous`. The article of an event change is the one article its report added to (or
 * took from) the event's article set.
 */
export function toChangeEvent(record: DynamoDBRecord): RecordChange | null {
  const next = image(record.dynamodb?.NewImage);
  const previous = image(record.dynamodb?.OldImage);
  if (!next) return null;
  if (next.kind === 'article-coded' && record.eventName === 'INSERT') {
    const detail = toArticleCodedRecord(next);
    return { change: 'coded', article: detail.article_id, detail: { ...detail } };
  }
  if (next.kind !== 'event') return null;
  if (previous?.kind !== 'event')
    return { change: 'created', article: articleOf(next, null), detail: { ...toEventRecord(next) } };
  const counts = countsOf(next);
  const before = countsOf(previous);
  const countsChanged = (Object.keys(counts) as (keyof EventCounts)[]).some((field) => before[field] !== counts[field]);
  if (!countsChanged) return null;
  return {
    change: 'updated',
    article: articleOf(next, previous),
    detail: { ...toEventRecord(next), previous: before },
  };
}

/**
 * The bus events of a stream batch's changes (given with their positions, in stream order): one per article,
 * its coded record (if in the batch) with the events it created and updated, and one for the changes no article
 * made; in the order of their first record. An article whose changes exceed MAX_DETAIL_BYTES goes out in several.
 */
export function toBusEvents(changes: readonly { position: number; change: RecordChange }[]): BusEvent[] {
  const groups = new Map<string | null, { position: number; change: RecordChange }[]>();
  for (const item of changes) {
    const group = groups.get(item.change.article) ?? [];
    group.push(item);
    groups.set(item.change.article, group);
  }
  return [...groups.entries()]
    .flatMap(([article, group]) => busEventsOf(article, group))
    .sort((a, b) => (a.positions[0] ?? 0) - (b.positions[0] ?? 0));
}

function busEventsOf(article: string | null, group: { position: number; change: RecordChange }[]): BusEvent[] {
  const coded = group.find((item) => item.change.change === 'coded');
  const events = group.filter((item) => item.change.change !== 'coded');
  const out: BusEvent[] = [];
  const start = (): BusEvent =>
    coded && out.length === 0
      ? {
          detailType: DETAIL_TYPES.articleCoded,
          detail: { ...coded.change.detail, created: [], updated: [] },
          positions: [coded.position],
        }
      : {
          detailType: DETAIL_TYPES.eventsChanged,
          detail: { article_id: article, created: [], updated: [] },
          positions: [],
        };
  let current = start();
  let size = JSON.stringify(current.detail).length;
  for (const item of events) {
    const bytes = JSON.stringify(item.change.detail).length + 1;
    if (size + bytes > MAX_DETAIL_BYTES && current.positions.length > 0) {
      out.push(current);
      current = start();
      size = JSON.stringify(current.detail).length;
    }
    (current.detail[item.change.change] as unknown[]).push(item.change.detail);
    current.positions.push(item.position);
    size += bytes;
  }
  out.push(current);
  return out.map((event) => ({ ...event, positions: event.positions.sort((a, b) => a - b) }));
}

/** The one article a report added to (or withdrew from) the event's article set, or null. */
function articleOf(next: Record<string, unknown>, previous: Record<string, unknown> | null): string | null {
  const now = idsOf(next.articleIds);
  const before = idsOf(previous?.articleIds);
  const added = [...now].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !now.has(id));
  const moved = [...added, ...removed];
  return moved.length === 1 ? (moved[0] ?? null) : null;
}

function idsOf(value: unknown): Set<string> {
  if (value instanceof Set) return new Set([...value].map(String));
  return new Set(Array.isArray(value) ? value.map(String) : []);
}

function image(value: Record<string, LambdaAttributeValue> | undefined): Record<string, unknown> | null {
  return value ? unmarshall(value as Record<string, AttributeValue>) : null;
}
