import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CodedEvent } from '../core/event-schema.js';
import { EVENTS_INDEXES as IX } from './table-design.js';
import { SCHEMA_VERSION, type MentionRecord } from './records.js';
import { eventIdOf, mentionKeyOf, mergedConfidence } from './event-identity.js';

/** The article a batch of coded events comes from. */
export interface MentionSource {
  articleId: string;
  url: string;
  outlet: string;
  title: string | null;
  published: string | null;
}

export interface RecordResult {
  eventIds: string[];
  created: number;
  updated: number;
}

/** Events merged over their reports, and one mention per report, in the events table. */
export class EventStore {
  constructor(private readonly doc: DynamoDBDocumentClient, private readonly tableName: string) {}

  /**
   * Records every coded event of an article as a mention and merges it into its event. Idempotent: mention
   * keys, article ids and outlets are string sets, and counts are set from the sets' sizes, never incremented.
   */
  async recordMentions(source: MentionSource, events: readonly CodedEvent[], fallbackDate: string, now: Date): Promise<RecordResult> {
    const result: RecordResult = { eventIds: [], created: 0, updated: 0 };
    for (const event of events) {
      const date = event.date ?? fallbackDate;
      const eventId = eventIdOf(event, date);
      await this.putMention(eventId, source, event, now);
      const change = await this.mergeEvent(eventId, date, source, event, now);
      if (change === 'created') result.created += 1;
      if (change === 'updated') result.updated += 1;
      if (!result.eventIds.includes(eventId)) result.eventIds.push(eventId);
    }
    return result;
  }

  /** Marks an article as coded in the events table: the change feed announces it ("Article Coded"). */
  async recordArticleCoded(source: MentionSource, eventIds: readonly string[], now: Date): Promise<void> {
    await this.doc.send(new PutCommand({
      TableName: this.tableName,
      Item: {
        pk: `ARTICLE#${source.articleId}`, sk: 'CODED', kind: 'article-coded', schemaVersion: SCHEMA_VERSION, ...source, eventIds: [...eventIds], codedAt: now.toISOString(),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    })).catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    });
  }

  private async putMention(eventId: string, source: MentionSource, event: CodedEvent, now: Date): Promise<void> {
    const mention: MentionRecord = {
      schemaVersion: SCHEMA_VERSION, eventId, articleId: source.articleId, url: source.url, outlet: source.outlet,
      title: source.title, published: source.published, sentence: event.sentence, sentenceIndex: event.sentence_index,
      offsets: event.offsets, confidence: event.confidence, recordedAt: now.toISOString(),
    };
    const mentionKey = mentionKeyOf(source.articleId, event);
    await this.doc.send(new PutCommand({
      TableName: this.tableName,
      Item: {
        pk: `EVENT#${eventId}`, sk: `MENTION#${mentionKey}`, kind: 'mention', ...mention,
        [IX.byArticle.partitionKey]: `ARTICLE#${source.articleId}`, [IX.byArticle.sortKey]: `${eventId}#${mentionKey}`,
      },
      // A redelivered mention keeps its first recording time, so re-runs leave the table identical.
      ConditionExpression: 'attribute_not_exists(pk)',
    })).catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    });
  }

  private async mergeEvent(eventId: string, date: string, source: MentionSource, event: CodedEvent, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
    const root = event.code.slice(0, 2);
    const base: Record<string, unknown> = {
      schemaVersion: SCHEMA_VERSION, kind: 'event', eventId, type: event.type, code: event.code, root,
      quadClass: event.quad_class, goldstein: event.goldstein, mode: event.mode, context: event.context,
      source: stripSpan(event.source), target: event.target ? stripSpan(event.target) : null, reciprocal: event.reciprocal,
      date, coderVersion: event.coder_version, firstSeen: now.toISOString(),
      [IX.byDate.partitionKey]: `DATE#${date.slice(0, 7)}`, [IX.byDate.sortKey]: `${date}#${eventId}`,
      [IX.byType.partitionKey]: `TYPE#${event.type}`, [IX.byType.sortKey]: `${date}#${eventId}`,
      [IX.byRoot.partitionKey]: `ROOT#${root}`, [IX.byRoot.sortKey]: `${date}#${eventId}`,
      ...(event.source.code ? { [IX.bySource.partitionKey]: `ACTOR#${event.source.code}`, [IX.bySource.sortKey]: `${date}#${eventId}` } : {}),
      ...(event.target?.code ? { [IX.byTarget.partitionKey]: `ACTOR#${event.target.code}`, [IX.byTarget.sortKey]: `${date}#${eventId}` } : {}),
      ...(event.location?.country ? { [IX.byLocation.partitionKey]: `LOC#${event.location.country}`, [IX.byLocation.sortKey]: `${date}#${eventId}` } : {}),
    };
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries(base).map(([field, value], i) => {
      names[`#b${i}`] = field;
      values[`:b${i}`] = value;
      return `#b${i} = if_not_exists(#b${i}, :b${i})`;
    });
    const added = await this.doc.send(new UpdateCommand({
      TableName: this.tableName, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' },
      UpdateExpression: `SET ${sets.join(', ')}, bestMention = if_not_exists(bestMention, :zero), #location = if_not_exists(#location, :location) ADD mentionKeys :mention, articleIds :article, outlets :outlet`,
      ExpressionAttributeNames: { ...names, '#location': 'location' },
      ExpressionAttributeValues: {
        ...values, ':zero': 0, ':location': event.location ?? null,
        ':mention': new Set([mentionKeyOf(source.articleId, event)]), ':article': new Set([source.articleId]), ':outlet': new Set([source.outlet]),
      },
      ReturnValues: 'ALL_NEW',
    }));
    const item = added.Attributes ?? {};
    await this.adoptIfRepresentative(eventId, item, base, event, mentionKeyOf(source.articleId, event));
    return this.refreshCounts(eventId, item, event, now);
  }

  /**
   * An event's descriptive fields (actor order, context, CAMEO code...) come from its representative mention,
   * the one with the smallest mention key, not from whichever report arrived first: redelivered, reordered or
   * resumed runs then leave the same event. Only the representative writes; the others cost nothing extra.
   */
  private async adoptIfRepresentative(eventId: string, item: Record<string, unknown>, base: Record<string, unknown>, event: CodedEvent, mentionKey: string): Promise<void> {
    const keys = item.mentionKeys instanceof Set ? [...item.mentionKeys].map(String).sort() : [];
    if (keys.length < 2 || keys[0] !== mentionKey) return;
    const { firstSeen: _firstSeen, ...fields } = base;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries({ ...fields, ...(event.location ? { location: event.location } : {}) }).map(([field, value], i) => {
      names[`#r${i}`] = field;
      values[`:r${i}`] = value;
      return `#r${i} = :r${i}`;
    });
    await this.doc.send(new UpdateCommand({
      TableName: this.tableName, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' },
      UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values,
    }));
  }

  /** Sets counts from the sets' sizes; writes (and marks the event changed) only when something changed. */
  private async refreshCounts(eventId: string, item: Record<string, unknown>, event: CodedEvent, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
    const size = (value: unknown): number => (value instanceof Set ? value.size : 0);
    const counts = { numMentions: size(item.mentionKeys), numArticles: size(item.articleIds), numSources: size(item.outlets) };
    const best = Math.max(Number(item.bestMention ?? 0), event.confidence);
    const unchanged = item.numMentions === counts.numMentions && item.numArticles === counts.numArticles
      && item.numSources === counts.numSources && Number(item.bestMention) >= event.confidence && (item.location !== null || !event.location);
    if (unchanged) return 'unchanged';
    const created = item.numMentions === undefined;
    const locationUpdate = item.location === null && event.location ? ', #location = :location' : '';
    await this.doc.send(new UpdateCommand({
      TableName: this.tableName, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' },
      UpdateExpression: `SET numMentions = :m, numArticles = :a, numSources = :s, bestMention = :best, confidence = :conf, lastSeen = :now, updatedAt = :now, #cpk = :cpk, #csk = :csk${locationUpdate}`,
      ConditionExpression: 'attribute_not_exists(numMentions) OR numMentions <= :m',
      ExpressionAttributeNames: { '#cpk': IX.byChanged.partitionKey, '#csk': IX.byChanged.sortKey, ...(locationUpdate ? { '#location': 'location' } : {}) },
      ExpressionAttributeValues: {
        ':m': counts.numMentions, ':a': counts.numArticles, ':s': counts.numSources, ':best': best,
        ':conf': mergedConfidence(best, counts.numSources), ':now': now.toISOString(),
        ':cpk': `CHANGED#${now.toISOString().slice(0, 10)}`, ':csk': `${now.toISOString()}#${eventId}`,
        ...(locationUpdate && event.location ? { ':location': event.location } : {}),
      },
    })).catch((error: unknown) => {
      // A concurrent writer already stored larger counts: ours are stale, theirs stand.
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    });
    return created ? 'created' : 'updated';
  }
}

function stripSpan<T extends { span: unknown }>(actor: T): Omit<T, 'span'> {
  const { span: _span, ...rest } = actor;
  return rest;
}
