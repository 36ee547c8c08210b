import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CodedEvent } from '../core/event-schema.js';
import { Calendar, dayPartition, monthOfType } from './calendar.js';
import { articleCodedKey, eventIdOf, eventKey, mentionItemKey, mentionKeyOf } from './event-identity.js';
import { type ArticleReports, withdrawReports } from './event-withdrawal.js';
import { isConditionFailure, isLegacyItem, LEGACY_VERSION_ATTRIBUTE, upgradeStoredItem } from './record-upgrade.js';
import { EventRecordSchema, type MentionRecord, SCHEMA_VERSION } from './records.js';
import { setClause } from './set-clause.js';
import { CHANGED_EVENT_IDS, EVENTS_INDEXES as IX } from './table-design.js';

/** The article a batch of coded events comes from. */
export type MentionSource = Pick<MentionRecord, 'article_id' | 'url' | 'outlet' | 'title' | 'published'>;

export interface RecordResult {
  eventIds: string[];
  created: number;
  updated: number;
}

/**
 * Reports whose mention keys and article ids an event keeps in its sets. Every report makes the item larger and
 * each write costs a unit per started KB, so past this many (an item of about 3 KB) further reports are counted
 * by counters instead: the item never nears DynamoDB's 400 KB limit and a report's write cost stays flat.
 */
export const TRACKED_REPORTS = 50;

/** Events merged over their reports, one mention per report, and the record of each coded article. */
export interface EventStore {
  /** Records every coded event of an article as a mention and merges it into its event; idempotent. */
  recordMentions(
    source: MentionSource,
    events: readonly CodedEvent[],
    fallbackDate: string,
    now: Date,
  ): Promise<RecordResult>;
  /** Marks an article as coded: the change feed announces it ("Article Coded"). */
  recordArticleCoded(source: MentionSource, eventIds: readonly string[], now: Date): Promise<void>;
  /** Withdraws the reports an article recorded that are not among those it is about to record. */
  withdrawMentions(source: MentionSource, recorded: ArticleReports, kept: ArticleReports): Promise<number>;
}

/** EventStore in the events table. */
export class DynamoEventStore implements EventStore {
  /** Which months hold events and which days had articles coded: what range queries read first. */
  private readonly calendar: Calendar;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly trackedReports = TRACKED_REPORTS,
  ) {
    this.calendar = new Calendar(doc, tableName);
  }

  /**
   * Records every coded event of an article as a mention and merges it into its event. Idempotent: mention
   * keys, article ids and outlets are string sets, and counts are their sizes, never increments (past
   * `trackedReports` reports, see countUntracked).
   */
  async recordMentions(
    source: MentionSource,
    events: readonly CodedEvent[],
    fallbackDate: string,
    now: Date,
  ): Promise<RecordResult> {
    const result: RecordResult = { eventIds: [], created: 0, updated: 0 };
    await this.calendar.note(
      'month',
      events.map((event) => monthOfType((event.date ?? fallbackDate).slice(0, 7), event.type)),
    );
    for (const event of events) {
      const date = event.date ?? fallbackDate;
      const eventId = eventIdOf(event, date);
      const newMention = await this.putMention(eventId, source, event, now);
      // A second report of the same event in this article is a new mention, never a new article.
      const report = { newMention, firstOfArticle: !result.eventIds.includes(eventId) };
      const change = await this.mergeEvent(eventId, date, source, event, now, report);
      if (change === 'created') result.created += 1;
      if (change === 'updated') result.updated += 1;
      if (!result.eventIds.includes(eventId)) result.eventIds.push(eventId);
    }
    return result;
  }

  /** Marks an article as coded in the events table: the change feed announces it ("Article Coded"). */
  async recordArticleCoded(source: MentionSource, eventIds: readonly string[], now: Date): Promise<void> {
    await this.calendar.note('day', [now.toISOString().slice(0, 10)]);
    await this.doc
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...articleCodedKey(source.article_id),
            kind: 'article-coded',
            schema_version: SCHEMA_VERSION,
            ...source,
            [CHANGED_EVENT_IDS]: [...eventIds],
            coded_at: now.toISOString(),
            // Recently changed events are found through the articles that changed them: one index entry per article.
            [IX.byChanged.partitionKey]: dayPartition(now.toISOString().slice(0, 10)),
            [IX.byChanged.sortKey]: `${now.toISOString()}#${source.article_id}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch(ignoreConditionFailure);
  }

  /**
   * Withdraws the reports an article recorded (`recorded`) that are not among those it is about to record
   * (`kept`): for a copy that was coded from its own text before its first copy turned up. See withdrawReports.
   */
  async withdrawMentions(source: MentionSource, recorded: ArticleReports, kept: ArticleReports): Promise<number> {
    return withdrawReports(this.doc, this.tableName, source, recorded, kept);
  }

  /** Stores the report as a mention; true when it was not stored before. */
  private async putMention(eventId: string, source: MentionSource, event: CodedEvent, now: Date): Promise<boolean> {
    const mention: MentionRecord = {
      schema_version: SCHEMA_VERSION,
      event_id: eventId,
      ...source,
      sentence: event.sentence,
      sentence_index: event.sentence_index,
      offsets: event.offsets,
      confidence: event.confidence,
      recorded_at: now.toISOString(),
    };
    return this.doc
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...mentionItemKey(eventId, mentionKeyOf(source.article_id, event)), kind: 'mention', ...mention },
          // A redelivered mention keeps its first recording time, so re-runs leave the table identical.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .then(
        () => true,
        (error: unknown) => {
          ignoreConditionFailure(error);
          return false;
        },
      );
  }

  /**
   * Merges one report into its event in a single write: descriptive fields are set if absent and the report joins
   * the event's sets. The write is conditional on the report being new, so a redelivery changes nothing (and
   * leaves the change feed quiet). The rare follow-up corrections run either way, so a crash between the two
   * writes is repaired by the retry. An event stored under an earlier schema version fails the condition too: it
   * is upgraded, and the report merged again.
   */
  private async mergeEvent(
    eventId: string,
    date: string,
    source: MentionSource,
    event: CodedEvent,
    now: Date,
    report: { newMention: boolean; firstOfArticle: boolean },
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const base = descriptiveFields(eventId, date, event);
    const mentionKey = mentionKeyOf(source.article_id, event);
    const descriptive = setClause(
      { ...base, first_seen: now.toISOString(), bestMention: event.confidence, location: event.location ?? null },
      'b',
      true,
    );
    let item: Record<string, unknown>;
    let change: 'created' | 'updated' | 'unchanged';
    try {
      const added = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: eventKey(eventId),
          UpdateExpression: `SET ${descriptive.assignments.join(', ')}, last_seen = :now, updated_at = :now ADD mentionKeys :mention, articleIds :article, outlets :outlet`,
          ConditionExpression:
            '(attribute_not_exists(mentionKeys) OR (NOT contains(mentionKeys, :mentionKey) AND size(mentionKeys) < :tracked)) AND attribute_not_exists(#legacy)',
          ExpressionAttributeNames: { ...descriptive.names, '#legacy': LEGACY_VERSION_ATTRIBUTE },
          ExpressionAttributeValues: {
            ...descriptive.values,
            ':now': now.toISOString(),
            ':mentionKey': mentionKey,
            ':tracked': this.trackedReports,
            ':mention': new Set([mentionKey]),
            ':article': new Set([source.article_id]),
            ':outlet': new Set([source.outlet]),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      item = added.Attributes ?? {};
      change = item.mentionKeys instanceof Set && item.mentionKeys.size === 1 ? 'created' : 'updated';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const stored = await this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: eventKey(eventId), ConsistentRead: true }),
      );
      item = stored.Item ?? {};
      if (isLegacyItem(item)) {
        await upgradeStoredItem({
          doc: this.doc,
          tableName: this.tableName,
          key: eventKey(eventId),
          schema: EventRecordSchema,
        });
        return this.mergeEvent(eventId, date, source, event, now, report);
      }
      const tracked = item.mentionKeys instanceof Set && item.mentionKeys.has(mentionKey);
      change =
        !tracked && report.newMention
          ? await this.countUntracked(eventId, source, item, report.firstOfArticle, now)
          : 'unchanged';
    }
    await this.correct(eventId, item, base, event, mentionKey);
    return change;
  }

  /**
   * Counts a report of an event whose sets are full. The new mention item is what makes this idempotent: a
   * redelivery finds its mention stored and counts nothing. (A crash between the two writes loses this one count,
   * the price of not growing the item.) Outlets stay a set: there are few of them and each is counted once.
   */
  private async countUntracked(
    eventId: string,
    source: MentionSource,
    item: Record<string, unknown>,
    firstOfArticle: boolean,
    now: Date,
  ): Promise<'updated'> {
    const newArticle = firstOfArticle && !(item.articleIds instanceof Set && item.articleIds.has(source.article_id));
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: eventKey(eventId),
        UpdateExpression:
          'SET last_seen = :now, updated_at = :now ADD untrackedMentions :one, untrackedArticles :article, outlets :outlet',
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':one': 1,
          ':article': newArticle ? 1 : 0,
          ':outlet': new Set([source.outlet]),
        },
      }),
    );
    return 'updated';
  }

  /**
   * Order-independent corrections, each rare and each a no-op when already applied: an event's descriptive fields
   * (actor order, context, CAMEO code, place) come from its representative report, the one with the smallest
   * mention key, not from whichever arrived first; its best report confidence only rises; a place found by a
   * later report fills a missing one.
   */
  private async correct(
    eventId: string,
    item: Record<string, unknown>,
    base: Record<string, unknown>,
    event: CodedEvent,
    mentionKey: string,
  ): Promise<void> {
    const keys = item.mentionKeys instanceof Set ? [...item.mentionKeys].map(String).sort() : [];
    const fields: Record<string, unknown> = {};
    if (keys.length >= 2 && keys[0] === mentionKey)
      Object.assign(fields, base, event.location ? { location: event.location } : {});
    else if ((item.location ?? null) === null && event.location) fields.location = event.location;
    const differs = Object.entries(fields).some(
      ([field, value]) => JSON.stringify(item[field]) !== JSON.stringify(value),
    );
    if (differs) await this.set(eventId, fields);
    if (event.confidence > Number(item.bestMention ?? 0)) {
      await this.set(
        eventId,
        { bestMention: event.confidence },
        { expression: 'bestMention < :best', values: { ':best': event.confidence } },
      );
    }
  }

  private async set(
    eventId: string,
    fields: Record<string, unknown>,
    condition?: { expression: string; values: Record<string, unknown> },
  ): Promise<void> {
    const set = setClause(fields, 'f');
    await this.doc
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: eventKey(eventId),
          UpdateExpression: `SET ${set.assignments.join(', ')}`,
          ExpressionAttributeNames: set.names,
          ExpressionAttributeValues: { ...set.values, ...(condition?.values ?? {}) },
          ...(condition ? { ConditionExpression: condition.expression } : {}),
        }),
      )
      .catch(ignoreConditionFailure);
  }
}

/** The fields an event takes from its representative report, with its index keys. */
function descriptiveFields(eventId: string, date: string, event: CodedEvent): Record<string, unknown> {
  const root = event.code.slice(0, 2);
  return {
    schema_version: SCHEMA_VERSION,
    kind: 'event',
    event_id: eventId,
    type: event.type,
    code: event.code,
    root,
    quad_class: event.quad_class,
    goldstein: event.goldstein,
    mode: event.mode,
    context: event.context,
    source: stripSpan(event.source),
    target: event.target ? stripSpan(event.target) : null,
    reciprocal: event.reciprocal,
    date,
    coder_version: event.coder_version,
    [IX.byType.partitionKey]: `TYPE#${event.type}`,
    [IX.byType.sortKey]: `${date}#${eventId}`,
    ...(event.source.code
      ? { [IX.bySource.partitionKey]: `ACTOR#${event.source.code}`, [IX.bySource.sortKey]: `${date}#${eventId}` }
      : {}),
    ...(event.target?.code
      ? { [IX.byTarget.partitionKey]: `ACTOR#${event.target.code}`, [IX.byTarget.sortKey]: `${date}#${eventId}` }
      : {}),
    ...(event.location?.country
      ? { [IX.byLocation.partitionKey]: `LOC#${event.location.country}`, [IX.byLocation.sortKey]: `${date}#${eventId}` }
      : {}),
  };
}

function ignoreConditionFailure(error: unknown): void {
  if (!isConditionFailure(error)) throw error;
}

function stripSpan<T extends { span: unknown }>(actor: T): Omit<T, 'span'> {
  const { span: _span, ...rest } = actor;
  return rest;
}
