import { z } from 'zod';
import { linkOf } from '../copies/index.js';
import { describeError } from '../core/errors.js';
import type { CodedArticle } from '../core/event-schema.js';
import { isoDay } from '../core/ids.js';
import { DeferError, deferOrGiveUp } from '../queue/deferral.js';
import type { CodeMessage } from '../queue/messages.js';
import { codedKeyOf } from '../storage/blob-store.js';
import type { MentionSource, RecordResult } from '../storage/event-store.js';
import type { ArticleRecord } from '../storage/records.js';
import type { CodeDeps } from './deps.js';
import { NotReadyError, UnknownItemError } from './errors.js';

export type { CodeDeps };

export type CodeOutcome = 'coded' | 'duplicate' | 'already-done' | 'failed';

/** A copy waits this long for its first copy to be coded, doubling with each wait up to SQS's 15 minutes. */
const FIRST_COPY_WAIT_MS = 2000;
const MAX_FIRST_COPY_WAIT_MS = 900_000;

const StoredTextSchema = z.object({ text: z.string() });

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
    await deps.articles.markFailed(message.article_id, `${name}: ${reason}`, now);
    deps.observer.warn('article not coded', { article_id: message.article_id, reason });
    return 'failed';
  }
}

async function codeStoredArticle(message: CodeMessage, deps: CodeDeps): Promise<CodeOutcome> {
  const article = await deps.articles.get(message.article_id);
  if (!article) throw new UnknownItemError(`article ${message.article_id} is not in the articles table`);
  if (article.status !== 'stored' || !article.text_key) return 'already-done';
  const now = deps.clock();
  const publishedDay = isoDay(article.published ?? article.feed_published ?? article.discovered_at);
  if (article.duplicate_of)
    return linkToFirstCopy(article, article.duplicate_of, article.text_key, publishedDay, deps, now);
  const coded = await codeText(article, article.text_key, publishedDay, deps);
  const result = await recordReports(article, coded, publishedDay, deps, now);
  // An earlier copy of the story turned up while this one was coded: it is linked to that one instead.
  if (!(await deps.articles.markCoded(article.article_id, result.eventIds, now)))
    return codeStoredArticle(message, deps);
  countCoded(deps, coded.events.length, result);
  return 'coded';
}

/**
 * Records a copy's mentions on the events of its first copy, as copy detection says (linkOf): first what it
 * recorded before and will not record again is withdrawn, then the coded object is written before the mentions,
 * so a retry after a crash knows what was recorded.
 */
async function linkToFirstCopy(
  article: ArticleRecord,
  firstCopy: string,
  textKey: string,
  publishedDay: string,
  deps: CodeDeps,
  now: Date,
): Promise<CodeOutcome> {
  const link = await linkOf({ textKey, publishedDay }, firstCopy, deps);
  if (!link) throw new NotReadyError(`first copy ${firstCopy} of article ${article.article_id} is not coded yet`);
  if (link.withdraw)
    await deps.events.withdrawMentions(mentionSourceOf(article), link.withdraw.recorded, link.withdraw.kept);
  await storeCoded(article, textKey, publishedDay, link.coded, deps);
  const result = await recordReports(article, link.coded, publishedDay, deps, now);
  await deps.articles.addCopy(firstCopy, article.article_id);
  await deps.articles.markDuplicate(article.article_id, firstCopy, result.eventIds, now);
  countCoded(deps, link.coded.events.length, result);
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
    article_id: article.article_id,
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
  await deps.blobs.putJson(codedKeyOf(textKey), {
    article_id: article.article_id,
    published_day: publishedDay,
    ...coded,
  });
}
