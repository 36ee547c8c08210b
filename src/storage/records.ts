import { z } from 'zod';
import { ActorSchema, EventModeSchema, LocationSchema, PloverTypeSchema, SpanSchema } from '../core/event-schema.js';

/** Bumped when a record's shape changes incompatibly; every item carries it. */
export const SCHEMA_VERSION = 1;

export const FeedHealthSchema = z.object({
  lastStatus: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  polls: z.number().int(),
  notModified: z.number().int(),
  itemsLastPoll: z.number().int(),
  bytesLastPoll: z.number().int(),
});

export const FeedRecordSchema = z.object({
  schemaVersion: z.number().int(),
  feedId: z.string(),
  url: z.string(),
  name: z.string(),
  pollMinutes: z.number().int().positive(),
  nextPollAt: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  health: FeedHealthSchema,
});
export type FeedRecord = z.infer<typeof FeedRecordSchema>;

export const ARTICLE_STATUSES = ['pending', 'stored', 'coded', 'duplicate', 'failed', 'skipped'] as const;
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

export const ArticleRecordSchema = z.object({
  schemaVersion: z.number().int(),
  articleId: z.string(),
  url: z.string(),
  canonicalUrl: z.string(),
  feedId: z.string(),
  outlet: z.string(),
  title: z.string().nullable(),
  feedPublished: z.string().nullable(),
  published: z.string().nullable(),
  discoveredAt: z.string(),
  language: z.string().nullable(),
  status: ArticleStatusSchema,
  reason: z.string().nullable(),
  attempts: z.number().int(),
  rawKey: z.string().nullable(),
  textKey: z.string().nullable(),
  contentHash: z.string().nullable(),
  simhash: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  wordCount: z.number().int().nullable(),
  eventIds: z.array(z.string()),
  updatedAt: z.string(),
});
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** Actor as stored on an event (the coder's actor without its per-sentence span). */
export const StoredActorSchema = ActorSchema.omit({ span: true });

/** One real-world happening, merged over every report of it. */
export const EventRecordSchema = z.object({
  schemaVersion: z.number().int(),
  eventId: z.string(),
  type: PloverTypeSchema,
  code: z.string(),
  root: z.string(),
  quadClass: z.number().int(),
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
  numMentions: z.number().int(),
  numArticles: z.number().int(),
  numSources: z.number().int(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  updatedAt: z.string(),
  coderVersion: z.string(),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

/** One report of an event: one (event, article, sentence). */
export const MentionRecordSchema = z.object({
  schemaVersion: z.number().int(),
  eventId: z.string(),
  articleId: z.string(),
  url: z.string(),
  outlet: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  sentence: z.string(),
  sentenceIndex: z.number().int(),
  offsets: z.object({ source: SpanSchema.nullable(), verb: SpanSchema, target: SpanSchema.nullable() }),
  confidence: z.number(),
  recordedAt: z.string(),
});
export type MentionRecord = z.infer<typeof MentionRecordSchema>;
