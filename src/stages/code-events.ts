import { z } from 'zod';
import { isoDay } from '../core/ids.js';
import { CodedArticleSchema, type CodedArticle } from '../core/event-schema.js';
import type { ArticleRecord } from '../storage/records.js';
import type { CodeMessage } from '../queue/messages.js';
import type { CodeDeps } from './deps.js';

export type { CodeDeps };
import { NotReadyError, UnknownItemError } from './errors.js';
import { codedKeyOf } from './coded-key.js';

export { codedKeyOf };

export type CodeOutcome = 'coded' | 'duplicate' | 'already-done';

const StoredTextSchema = z.object({ text: z.string() });


/**
 * Stage 4: codes a stored article into events and merges them into the events table. A duplicate (a syndicated
 * copy) is not coded again: it adds its own mentions to the events of its first copy.
 */
export async function codeArticle(message: CodeMessage, deps: CodeDeps): Promise<CodeOutcome> {
  const article = await deps.articles.get(message.articleId);
  if (!article) throw new UnknownItemError(`article ${message.articleId} is not in the articles table`);
  if (article.status !== 'stored' || !article.textKey) return 'already-done';
  const now = deps.clock();
  const publishedDay = isoDay(article.published ?? article.feedPublished ?? article.discoveredAt);
  const coded = article.duplicateOf ? await codedOfFirstCopy(article.duplicateOf, deps) : await codeText(article, article.textKey, publishedDay, deps);
  const source = { articleId: article.articleId, url: article.url, outlet: article.outlet, title: article.title, published: article.published };
  const result = await deps.events.recordMentions(source, coded.events, publishedDay, now);
  await deps.events.recordArticleCoded(source, result.eventIds, now);
  if (article.duplicateOf) await deps.articles.markDuplicate(article.articleId, article.duplicateOf, result.eventIds, now);
  else if (!(await deps.articles.markCoded(article.articleId, result.eventIds, now))) await becameCopy(article, result.eventIds, deps, now);
  deps.observer.count('ArticlesCoded');
  deps.observer.count('EventsWritten', result.created);
  deps.observer.count('EventsUpdated', result.updated);
  deps.observer.count('MentionsWritten', coded.events.length);
  return article.duplicateOf ? 'duplicate' : 'coded';
}

/** An earlier copy of the story turned up while this one was being coded: it becomes that one's copy. */
async function becameCopy(article: ArticleRecord, eventIds: string[], deps: CodeDeps, now: Date): Promise<void> {
  const current = await deps.articles.get(article.articleId);
  if (!current?.duplicateOf || !article.textKey) return;
  await deps.articles.markDuplicate(article.articleId, current.duplicateOf, eventIds, now);
  await deps.blobs.delete(codedKeyOf(article.textKey));
}

async function codeText(article: ArticleRecord, textKey: string, publishedDay: string, deps: CodeDeps): Promise<CodedArticle> {
  const stored = StoredTextSchema.parse(await deps.blobs.getJson(textKey));
  const coded = deps.coder().code({ text: stored.text, date: publishedDay });
  await deps.blobs.putJson(codedKeyOf(textKey), { articleId: article.articleId, publishedDay, ...coded });
  return coded;
}

async function codedOfFirstCopy(originalId: string, deps: CodeDeps, depth = 0): Promise<CodedArticle> {
  const original = await deps.articles.get(originalId);
  // A copy of a copy follows the chain to the coded first copy.
  if (original?.status === 'duplicate' && original.duplicateOf && depth < 3) return codedOfFirstCopy(original.duplicateOf, deps, depth + 1);
  if (!original?.textKey || original.status !== 'coded') throw new NotReadyError(`first copy ${originalId} is not coded yet`);
  return CodedArticleSchema.parse(await deps.blobs.getJson(codedKeyOf(original.textKey)));
}
