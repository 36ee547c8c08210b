import { z } from 'zod';
import { describeError } from '../core/errors.js';
import { type CodedArticle, CodedArticleSchema } from '../core/event-schema.js';
import { isoDay } from '../core/ids.js';
import { DeferError, deferOrGiveUp } from '../queue/deferral.js';
import type { CodeMessage } from '../queue/messages.js';
import type { MentionSource, RecordResult } from '../storage/event-store.js';
import type { ArticleRecord } from '../storage/records.js';
import type { CodeDeps } from './deps.js';

export type { CodeDeps };

import { codedKeyOf } from './coded-key.js';
import { NotReadyError, UnknownItemError } from './errors.js';

export { codedKeyOf };

export type CodeOutcome = 'coded' | 'duplicate' | 'already-done' | 'failed';

/** A copy waits this long for its first copy to be coded, doubling with each wait up to SQS's 15 minutes. */
const FIRST_COPY_WAIT_MS = 2000;
const MAX_FIRST_COPY_WAIT_MS = 900_000;

const StoredTextSchema = z.object({ text: z.string() });
/** An article's coded object: the coder output its mentions were recorded from, and the day undated events took. */
const CodedObjectSchema = CodedArticleSchema.extend({ publishedDay: z.string() });

/**
 * Stage 4: codes a stored article into events and merges them into the events table. A duplicate (a syndicated
 * copy) is not coded again: it adds its own mentions to the events of its first copy.
 */
export async function codeArticle(message: CodeMessage, deps: CodeDeps): Promise<CodeOutcome> {
  try {
    return await codeStoredArticle(message, deps);
  } catch (error) {
    if (!(error instanceof NotReadyError)) throw error;
    // Not a failure: the message waits for the first copy (deferred), and only a wait past the bound is recorded.
    const now = deps.clock();
    const count = message.deferral?.count ?? 0;
    const delay = Math.min(MAX_FIRST_COPY_WAIT_MS, FIRST_COPY_WAIT_MS * 2 ** count);
    const wait = deferOrGiveUp(
      message.deferral,
      { notBefore: new Date(now.getTime() + delay), reason: error.message },
      now,
    );
    if (wait instanceof DeferError) throw wait;
    const { name, message: reason } = describeError(wait);
    await deps.articles.markFailed(message.articleId, `${name}: ${reason}`, now);
    deps.observer.warn('article not coded', { articleId: message.articleId, reason });
    return 'failed';
  }
}

async function codeStoredArticle(message: CodeMessage, deps: CodeDeps): Promise<CodeOutcome> {
  const article = await deps.articles.get(message.articleId);
  if (!article) throw new UnknownItemError(`article ${message.articleId} is not in the articles table`);
  if (article.status !== 'stored' || !article.textKey) return 'already-done';
  const now = deps.clock();
  const publishedDay = isoDay(article.published ?? article.feedPublished ?? article.discoveredAt);
  if (article.duplicateOf)
    return linkToFirstCopy(article, article.duplicateOf, article.textKey, publishedDay, deps, now);
  const coded = await codeText(article, article.textKey, publishedDay, deps);
  const result = await recordReports(article, coded, publishedDay, deps, now);
  // An earlier copy of the story turned up while this one was coded: it is linked to that one instead.
  if (!(await deps.articles.markCoded(article.articleId, result.eventIds, now)))
    return codeStoredArticle(message, deps);
  countCoded(deps, coded.events.length, result);
  return 'coded';
}

/**
 * Records a copy's mentions on the events of its first copy. What the copy recorded before (coded from its own
 * text before the first copy turned up, or linked to another copy since outranked) is withdrawn first, so it ends
 * with the same events whatever order the copies came in. The coded object is written before the mentions, so a
 * retry after a crash knows what was recorded.
 */
async function linkToFirstCopy(
  article: ArticleRecord,
  firstCopy: string,
  textKey: string,
  publishedDay: string,
  deps: CodeDeps,
  now: Date,
): Promise<CodeOutcome> {
  const coded = await codedOfFirstCopy(firstCopy, deps);
  const recorded = CodedObjectSchema.nullable().parse(await deps.blobs.findJson(codedKeyOf(textKey)));
  if (recorded)
    await deps.events.withdrawMentions(
      mentionSourceOf(article),
      { events: recorded.events, day: recorded.publishedDay },
      { events: coded.events, day: publishedDay },
    );
  await storeCoded(article, textKey, publishedDay, coded, deps);
  const result = await recordReports(article, coded, publishedDay, deps, now);
  await deps.articles.addCopy(firstCopy, article.articleId);
  await deps.articles.markDuplicate(article.articleId, firstCopy, result.eventIds, now);
  countCoded(deps, coded.events.length, result);
  return 'duplicate';
}

/** The article's mentions merged into their events, and its "Article Coded" record. */
async function recordReports(
  article: ArticleRecord,
  coded: CodedArticle,
  publishedDay: string,
  deps: CodeDeps,
  now: Date,
): Promise<RecordResult> {
  const result = await deps.events.recordMentions(mentionSourceOf(article), coded.events, publishedDay, now);
  await deps.events.recordArticleCoded(mentionSourceOf(article), result.eventIds, now);
  return result;
}

function mentionSourceOf(article: ArticleRecord): MentionSource {
  return {
    articleId: article.articleId,
    url: article.url,
    outlet: article.outlet,
    title: article.title,
    published: article.published,
  };
}

function countCoded(deps: CodeDeps, mentions: number, result: RecordResult): void {
  deps.observer.count('ArticlesCoded');
  deps.observer.count('EventsWritten', result.created);
  deps.observer.count('EventsUpdated', result.updated);
  deps.observer.count('MentionsWritten', mentions);
}

async function codeText(
  article: ArticleRecord,
  textKey: string,
  publishedDay: string,
  deps: CodeDeps,
): Promise<CodedArticle> {
  const stored = StoredTextSchema.parse(await deps.blobs.getJson(textKey));
  const coded = deps.coder().code({ text: stored.text, date: publishedDay });
  await storeCoded(article, textKey, publishedDay, coded, deps);
  return coded;
}

/** Written before the article's mentions, so a retry after a crash knows what may have been recorded. */
async function storeCoded(
  article: ArticleRecord,
  textKey: string,
  publishedDay: string,
  coded: CodedArticle,
  deps: CodeDeps,
): Promise<void> {
  await deps.blobs.putJson(codedKeyOf(textKey), { articleId: article.articleId, publishedDay, ...coded });
}

async function codedOfFirstCopy(originalId: string, deps: CodeDeps, depth = 0): Promise<CodedArticle> {
  const original = await deps.articles.get(originalId);
  // A copy of a copy follows the chain to the coded first copy.
  if (original?.status === 'duplicate' && original.duplicateOf && depth < 3)
    return codedOfFirstCopy(original.duplicateOf, deps, depth + 1);
  if (!original?.textKey || original.status !== 'coded')
    throw new NotReadyError(`first copy ${originalId} is not coded yet`);
  return CodedArticleSchema.parse(await deps.blobs.getJson(codedKeyOf(original.textKey)));
}
