import { mergedConfidence } from './event-identity.js';
import { type EventRecord, EventRecordSchema } from './records.js';

/**
 * An event as stored: counts are kept as sets (mention keys, article ids, outlets) so that merging a report is
 * one idempotent write, plus counters for the reports past the sets' cap (EventStore); the published record
 * carries the counts and the confidence they imply.
 */
export function toEventRecord(item: Record<string, unknown>): EventRecord {
  const counts = countsOf(item);
  return EventRecordSchema.parse({ ...item, ...counts });
}

export interface EventCounts {
  numMentions: number;
  numArticles: number;
  numSources: number;
  confidence: number;
}

export function countsOf(item: Record<string, unknown>): EventCounts {
  const size = (value: unknown): number =>
    value instanceof Set ? value.size : Array.isArray(value) ? value.length : 0;
  const numSources = size(item.outlets);
  return {
    numMentions: size(item.mentionKeys) + Number(item.untrackedMentions ?? 0),
    numArticles: size(item.articleIds) + Number(item.untrackedArticles ?? 0),
    numSources,
    confidence: mergedConfidence(Number(item.bestMention ?? 0), numSources),
  };
}
