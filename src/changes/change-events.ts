import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import { countsOf, type EventCounts, toArticleCodedRecord, toEventRecord } from '../storage/event-item.js';

/** Detail types on the eventwire bus; downstream rules match on them. */
export const DETAIL_TYPES = {
  eventCreated: 'Event Created',
  eventUpdated: 'Event Updated',
  articleCoded: 'Article Coded',
} as const;
export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];

export interface ChangeEvent {
  detailType: DetailType;
  detail: object;
}

/**
 * Turns one change of the events table into the bus event downstream services receive, or null for changes
 * they do not need (mentions, corrections and schema upgrades that leave the counts as they were). The detail is
 * the published record (EventRecordSchema, ArticleCodedRecordSchema), without the table's bookkeeping; updated
 * events carry the previous counts under `previous`.
 */
export function toChangeEvent(record: DynamoDBRecord): ChangeEvent | null {
  const next = image(record.dynamodb?.NewImage);
  const previous = image(record.dynamodb?.OldImage);
  if (!next) return null;
  if (next.kind === 'article-coded' && record.eventName === 'INSERT') {
    return { detailType: DETAIL_TYPES.articleCoded, detail: toArticleCodedRecord(next) };
  }
  if (next.kind !== 'event') return null;
  if (previous?.kind !== 'event') return { detailType: DETAIL_TYPES.eventCreated, detail: toEventRecord(next) };
  const counts = countsOf(next);
  const before = countsOf(previous);
  const countsChanged = (Object.keys(counts) as (keyof EventCounts)[]).some((field) => before[field] !== counts[field]);
  if (!countsChanged) return null;
  return { detailType: DETAIL_TYPES.eventUpdated, detail: { ...toEventRecord(next), previous: before } };
}

function image(value: Record<string, LambdaAttributeValue> | undefined): Record<string, unknown> | null {
  return value ? unmarshall(value as Record<string, AttributeValue>) : null;
}
