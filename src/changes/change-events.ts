import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as LambdaAttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** Detail types on the eventwire bus; downstream rules match on them. */
export const DETAIL_TYPES = {
  eventCreated: 'Event Created',
  eventUpdated: 'Event Updated',
  articleCoded: 'Article Coded',
} as const;
export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];

export interface ChangeEvent {
  detailType: DetailType;
  detail: Record<string, unknown>;
}

/** Fields of the stored event that are internal bookkeeping, not part of the published record. */
const INTERNAL = new Set(['pk', 'sk', 'kind', 'mentionKeys', 'articleIds', 'outlets', 'bestMention']);

/**
 * Turns one change of the events table into the bus event downstream services receive, or null for changes
 * they do not need (mentions, index-only updates). Updated events carry the previous counts.
 */
export function toChangeEvent(record: DynamoDBRecord): ChangeEvent | null {
  const next = image(record.dynamodb?.NewImage);
  const previous = image(record.dynamodb?.OldImage);
  if (!next) return null;
  if (next.kind === 'article-coded' && record.eventName === 'INSERT') {
    return { detailType: DETAIL_TYPES.articleCoded, detail: publicFields(next) };
  }
  if (next.kind !== 'event' || next.numMentions === undefined) return null;
  if (!previous || previous.numMentions === undefined) return { detailType: DETAIL_TYPES.eventCreated, detail: publicFields(next) };
  const countsChanged = ['numMentions', 'numArticles', 'numSources', 'confidence'].some((field) => previous[field] !== next[field]);
  if (!countsChanged) return null;
  return {
    detailType: DETAIL_TYPES.eventUpdated,
    detail: { ...publicFields(next), previous: { numMentions: previous.numMentions, numArticles: previous.numArticles, numSources: previous.numSources, confidence: previous.confidence } },
  };
}

function image(value: Record<string, LambdaAttributeValue> | undefined): Record<string, unknown> | null {
  return value ? unmarshall(value as Record<string, AttributeValue>) : null;
}

function publicFields(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !INTERNAL.has(key) && !/(Pk|Sk)$/.test(key)));
}
