import { z } from 'zod';
import { CodedEventSchema } from '../core/event-schema.js';
import { ArticleRecordSchema, EventRecordSchema, MentionRecordSchema } from './records.js';

/** JSON Schemas of the published records, generated from the zod schemas that type them (one source of truth). */
export function recordJsonSchemas(): Record<string, unknown> {
  return {
    'event.schema.json': z.toJSONSchema(EventRecordSchema),
    'mention.schema.json': z.toJSONSchema(MentionRecordSchema),
    'article.schema.json': z.toJSONSchema(ArticleRecordSchema),
    'coded-event.schema.json': z.toJSONSchema(CodedEventSchema),
  };
}
