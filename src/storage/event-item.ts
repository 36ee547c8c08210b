import { mergedConfidence } from './event-identity.js';
import { currentShape } from './record-upgrade.js';
import {
  type ArticleCodedRecord,
  ArticleCodedRecordSchema,
  type EventRecord,
  EventRecordSchema,
  type MentionRecord,
  MentionRecordSchema,
} from './records.js';
import { CHANGED_EVENT_IDS } from './table-design.js';

/**
 * An event as stored: counts are kept as sets (mention keys, article ids, outlets) so that merging a report is
 * one idempotent write, plus counters for the reports past the sets' cap (EventStore); the published record
 * carries the counts and the confidence they imply, and none of the table's bookkeeping.
 */
export function toEventRecord(item: Record<string, unknown>): EventRecord {
  return EventRecordSchema.parse({ ...currentShape(item, EventRecordSchema), ...countsOf(item) });
}

export function toMentionRecord(item: Record<string, unknown>): MentionRecord {
  return MentionRecordSchema.parse(currentShape(item, MentionRecordSchema));
}

/** The record of a coded article, with the event ids its item keeps under the name the byChanged index projects. */
export function toArticleCodedRecord(item: Record<string, unknown>): ArticleCodedRecord {
  return ArticleCodedRecordSchema.parse({
    ...currentShape(item, ArticleCodedRecordSchema),
    event_ids: eventIdsOf(item),
  });
}

/** The event ids an article's coded record lists. */
export function eventIdsOf(item: Record<string, unknown>): string[] {
  const ids = item[CHANGED_EVENT_IDS];
  return Array.isArray(ids) ? ids.map(String) : [];
}

export interface EventCounts {
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  confidence: number;
}

export function countsOf(item: Record<string, unknown>): EventCounts {
  const size = (value: unknown): number =>
    value instanceof Set ? value.size : Array.isArray(value) ? value.length : 0;
  const sources = size(item.outlets);
  return {
    num_mentions: size(item.mentionKeys) + Number(item.untrackedMentions ?? 0),
    num_articles: size(item.articleIds) + Number(item.untrackedArticles ?? 0),
    num_sources: sources,
    confidence: mergedConfidence(Number(item.bestMention ?? 0), sources),
  };
}
