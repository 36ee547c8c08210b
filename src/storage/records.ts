import { z } from 'zod';
import { ActorSchema, EventModeSchema, LocationSchema, PloverTypeSchema, SpanSchema } from '../core/event-schema.js';

/**
 * Bumped when a record's shape changes incompatibly; every item carries it. Version 2 renamed every field to
 * snake_case, the one convention of everything eventwire emits; items of version 1 are read and upgraded by
 * `record-upgrade.ts`.
 */
export const SCHEMA_VERSION = 2;

export const FeedHealthSchema = z.object({
  last_status: z.string().nullable(),
  last_fetched_at: z.string().nullable(),
  last_error: z.string().nullable(),
  consecutive_failures: z.number().int(),
  polls: z.number().int(),
  not_modified: z.number().int(),
  items_last_poll: z.number().int(),
  bytes_last_poll: z.number().int(),
});

export const FeedRecordSchema = z.object({
  schema_version: z.number().int(),
  feed_id: z.string(),
  url: z.string(),
  name: z.string(),
  poll_minutes: z.number().int().positive(),
  next_poll_at: z.string(),
  etag: z.string().nullable(),
  last_modified: z.string().nullable(),
  health: FeedHealthSchema,
});
export type FeedRecord = z.infer<typeof FeedRecordSchema>;

export const ARTICLE_STATUSES = ['pending', 'stored', 'coded', 'duplicate', 'failed', 'skipped'] as const;
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

export const ArticleRecordSchema = z.object({
  schema_version: z.number().int(),
  article_id: z.string(),
  url: z.string(),
  canonical_url: z.string(),
  feed_id: z.string(),
  outlet: z.string(),
  title: z.string().nullable(),
  feed_published: z.string().nullable(),
  published: z.string().nullable(),
  discovered_at: z.string(),
  language: z.string().nullable(),
  status: ArticleStatusSchema,
  reason: z.string().nullable(),
  attempts: z.number().int(),
  raw_key: z.string().nullable(),
  text_key: z.string().nullable(),
  content_hash: z.string().nullable(),
  duplicate_of: z.string().nullable(),
  word_count: z.number().int().nullable(),
  event_ids: z.array(z.string()),
  updated_at: z.string(),
});
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** Actor as stored on an event (the coder's actor without its per-sentence span). */
export const StoredActorSchema = ActorSchema.omit({ span: true });

/** One real-world happening, merged over every report of it. */
export const EventRecordSchema = z.object({
  schema_version: z.number().int(),
  event_id: z.string(),
  type: PloverTypeSchema,
  code: z.string(),
  root: z.string(),
  quad_class: z.number().int(),
  goldstein: z.number(),
  mode: EventModeSchema,
  context: z.array(z.string()),
  source: StoredActorSchema,
  target: StoredActorSchema.nullable(),
  reciprocal: z.boolean(),
  date: z.string(),
  // Events stored before coder 0.3 have no `basis`.
  location: LocationSchema.partial({ basis: true }).nullable(),
  confidence: z.number(),
  num_mentions: z.number().int(),
  num_articles: z.number().int(),
  num_sources: z.number().int(),
  first_seen: z.string(),
  last_seen: z.string(),
  updated_at: z.string(),
  coder_version: z.string(),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

/** One report of an event: one (event, article, sentence). */
export const MentionRecordSchema = z.object({
  schema_version: z.number().int(),
  event_id: z.string(),
  article_id: z.string(),
  url: z.string(),
  outlet: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  sentence: z.string(),
  sentence_index: z.number().int(),
  offsets: z.object({ source: SpanSchema.nullable(), verb: SpanSchema, target: SpanSchema.nullable() }),
  confidence: z.number(),
  recorded_at: z.string(),
});
export type MentionRecord = z.infer<typeof MentionRecordSchema>;

/** An article's coded events, announced once ("Article Coded"): the change feed reads these. */
export const ArticleCodedRecordSchema = z.object({
  schema_version: z.number().int(),
  article_id: z.string(),
  url: z.string(),
  outlet: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  event_ids: z.array(z.string()),
  coded_at: z.string(),
});
export type ArticleCodedRecord = z.infer<typeof ArticleCodedRecordSchema>;
