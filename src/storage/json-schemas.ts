import { z } from 'zod';
import { CodedEventSchema } from '../core/event-schema.js';
import {
  ArticleCodedRecordSchema,
  ArticleRecordSchema,
  EventRecordSchema,
  FeedRecordSchema,
  MentionRecordSchema,
} from './records.js';

/** JSON Schemas of the published records, generated from the zod schemas that type them (one source of truth). */
export function recordJsonSchemas(): Record<string, unknown> {
  return {
    'event.schema.json': z.toJSONSchema(EventRecordSchema),
    'mention.schema.json': z.toJSONSchema(MentionRecordSchema),
    'article.schema.json': z.toJSONSchema(ArticleRecordSchema),
    'article-coded.schema.json': z.toJSONSchema(ArticleCodedRecordSchema),
    'feed.schema.json': z.toJSONSchema(FeedRecordSchema),
    'coded-event.schema.json': z.toJSONSchema(CodedEventSchema),
  };
}
