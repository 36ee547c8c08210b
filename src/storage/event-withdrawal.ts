import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CodedEvent } from '../core/event-schema.js';
import {
  articleCodedKey,
  eventIdOf,
  eventKey,
  MENTION_PREFIX,
  mentionItemKey,
  mentionKeyOf,
} from './event-identity.js';
import { isConditionFailure } from './record-upgrade.js';

/** Coded events of one article, with the day their undated events fall on. */
export interface ArticleReports {
  events: readonly CodedEvent[];
  day: string;
}

interface Report {
  eventId: string;
  mentionKey: string;
}

function reportsOf(articleId: string, reports: ArticleReports): Report[] {
  return reports.events.map((event) => ({
    eventId: eventIdOf(event, event.date ?? reports.day),
    mentionKey: mentionKeyOf(articleId, event),
  }));
}

function eventIdsOf(reports: readonly Report[]): string[] {
  return [...new Set(reports.map((report) => report.eventId))];
}

/**
 * Withdraws the reports an article recorded that it will not record again (`recorded` minus `kept`): the reverse
 * of EventStore.recordMentions, for an article found to be a copy after it was coded from its own text. Reports
 * it keeps are left alone, so a copy whose own coding matches its first copy's changes nothing. Its "Article
 * Coded" marker goes too when its events change, for the next recording to write it anew. Returns the number of
 * reports withdrawn.
 */
export async function withdrawReports(
  doc: DynamoDBDocumentClient,
  tableName: string,
  source: { article_id: string; outlet: string },
  recorded: ArticleReports,
  kept: ArticleReports,
): Promise<number> {
  const keptReports = reportsOf(source.article_id, kept);
  const keptKeys = new Set(keptReports.map((report) => `${report.eventId}/${report.mentionKey}`));
  const recordedReports = reportsOf(source.article_id, recorded);
  const withdrawn = recordedReports.filter((report) => !keptKeys.has(`${report.eventId}/${report.mentionKey}`));
  const stillReported = new Set(eventIdsOf(keptReports));
  for (const eventId of eventIdsOf(withdrawn)) {
    const keys = [
      ...new Set(withdrawn.filter((report) => report.eventId === eventId).map((report) => report.mentionKey)),
    ];
    await new EventWithdrawal(doc, tableName, eventId, source).withdraw(keys, !stillReported.has(eventId));
  }
  if (eventIdsOf(recordedReports).join() !== eventIdsOf(keptReports).join()) {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: articleCodedKey(source.article_id) }));
  }
  return withdrawn.length;
}

/**
 * One event losing some of one article's reports. The mention items go first and the event item changes last: a
 * retry after a crash in between still finds a tracked report in the event's sets, and a report past the sets is
 * taken out of the counters only by the call that deleted its mention item, so no retry counts it out twice (a
 * crash between that delete and the event write leaves it counted, as a crash can on the way in). An event left
 * without reports is deleted.
 */
class EventWithdrawal {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly eventId: string,
    private readonly source: { article_id: string; outlet: string },
  ) {}

  async withdraw(mentionKeys: readonly string[], articleLeaves: boolean): Promise<void> {
    const stored = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: eventKey(this.eventId), ConsistentRead: true }),
    );
    const tracked = stored.Item?.mentionKeys instanceof Set ? stored.Item.mentionKeys : new Set();
    const trackedKeys = mentionKeys.filter((key) => tracked.has(key));
    let counted = 0;
    for (const key of mentionKeys) {
      const deleted = await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: mentionItemKey(this.eventId, key),
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (deleted.Attributes && !tracked.has(key)) counted += 1;
    }
    if (stored.Item) await this.updateEvent(stored.Item, trackedKeys, counted, articleLeaves);
  }

  private async updateEvent(
    item: Record<string, unknown>,
    trackedKeys: readonly string[],
    countedKeys: number,
    articleLeaves: boolean,
  ): Promise<void> {
    const articleTracked = item.articleIds instanceof Set && item.articleIds.has(this.source.article_id);
    const removals: string[] = [];
    const additions: string[] = [];
    const values: Record<string, unknown> = {};
    if (trackedKeys.length > 0) {
      removals.push('mentionKeys :keys');
      values[':keys'] = new Set(trackedKeys);
    }
    if (articleLeaves && articleTracked) {
      removals.push('articleIds :article');
      values[':article'] = new Set([this.source.article_id]);
    }
    if (articleLeaves && !(await this.outletReportedByAnother())) {
      removals.push('outlets :outlet');
      values[':outlet'] = new Set([this.source.outlet]);
    }
    if (countedKeys > 0) {
      additions.push('untrackedMentions :mentions', 'untrackedArticles :articles');
      values[':mentions'] = -countedKeys;
      values[':articles'] = articleLeaves && !articleTracked ? -1 : 0;
    }
    if (removals.length + additions.length === 0) return;
    const updated = await this.doc
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: eventKey(this.eventId),
          UpdateExpression: [
            removals.length ? `DELETE ${removals.join(', ')}` : '',
            additions.length ? `ADD ${additions.join(', ')}` : '',
          ]
            .join(' ')
            .trim(),
          ExpressionAttributeValues: values,
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_NEW',
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
        return { Attributes: undefined };
      });
    const left = updated.Attributes;
    if (left && !(left.mentionKeys instanceof Set) && Number(left.untrackedMentions ?? 0) <= 0)
      await this.deleteEvent();
  }

  /** Deleted only while it still has no reports: a report merged meanwhile keeps it. */
  private async deleteEvent(): Promise<void> {
    await this.doc
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: eventKey(this.eventId),
          ConditionExpression:
            'attribute_not_exists(mentionKeys) AND (attribute_not_exists(untrackedMentions) OR untrackedMentions <= :zero)',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  /** Whether another article of the same outlet reports this event (then the outlet stays among its sources). */
  private async outletReportedByAnother(): Promise<boolean> {
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        ConsistentRead: true,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :mention)',
        // Mentions recorded before schema version 2 name the article `articleId`.
        FilterExpression: 'outlet = :outlet AND (article_id <> :article OR articleId <> :article)',
        ExpressionAttributeValues: {
          ':pk': eventKey(this.eventId).pk,
          ':mention': MENTION_PREFIX,
          ':outlet': this.source.outlet,
          ':article': this.source.article_id,
        },
        ProjectionExpression: 'pk',
      },
    );
    for await (const page of pages) if ((page.Items ?? []).length > 0) return true;
    return false;
  }
}
