import { findFirstCopy } from '../copies/index.js';
import { describeError, EventwireError } from '../core/errors.js';
import { isoDay } from '../core/ids.js';
import { snakeCaseKeys } from '../core/snake-case.js';
import { contentHash, type ExtractedArticle, extractArticle } from '../extract/index.js';
import { decodeBody } from '../feeds/index.js';
import { canonicalUrl, FetchError, RateLimitedError } from '../fetch/index.js';
import { DeferError, deferOrGiveUp } from '../queue/deferral.js';
import type { ArticleMessage } from '../queue/messages.js';
import { articleKeys } from '../storage/blob-store.js';
import type { ArticleRecord } from '../storage/records.js';
import type { FetchArticleDeps } from './deps.js';

export type { FetchArticleDeps };

import { UnknownItemError } from './errors.js';

export type ArticleOutcome = 'stored' | 'duplicate' | 'skipped' | 'failed' | 'already-done';

/** Below this many words a page is not worth coding (teasers, error pages). */
const MIN_WORDS = 40;

/**
 * Stage 3: fetches one article page, extracts its text, stores the raw page and the text in S3, and hands it to
 * the coder unless it is a duplicate (same canonical URL, same text, or a near-identical syndicated copy, which
 * is linked to the first copy) or not codable (paywall stub, consent wall, not an article, not English).
 * Transient fetch failures are thrown for the queue to retry; permanent ones are recorded on the article.
 */
export async function fetchArticle(message: ArticleMessage, deps: FetchArticleDeps): Promise<ArticleOutcome> {
  const article = await deps.articles.get(message.article_id);
  if (!article) throw new UnknownItemError(`article ${message.article_id} is not in the articles table`);
  // Stored by an earlier delivery that may have died before handing it on: the code stage ignores a second message.
  if (article.status === 'stored') await deps.queues.code.send([{ article_id: article.article_id }]);
  if (article.status !== 'pending') return 'already-done';
  const now = deps.clock();
  let response: Awaited<ReturnType<FetchArticleDeps['fetcher']['fetch']>>;
  let extracted: ExtractedArticle;
  try {
    response = await deps.fetcher.fetch({
      url: article.url,
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      slot: message.deferral?.slot,
    });
    const { text: html } = decodeBody(response.body, response.headers['content-type'] ?? null, 'html');
    extracted = extractArticle(html, { url: response.finalUrl, feedPublished: article.feed_published });
  } catch (error) {
    return handleFetchError(article, message, error, deps);
  }
  const canonical = safeCanonical(response.finalUrl, extracted.canonicalUrl) ?? article.canonical_url;
  const keys = articleKeys(isoDay(article.discovered_at), article.outlet, article.article_id);
  await deps.blobs.putRaw(keys.raw_key, response.body, response.headers);
  await deps.blobs.putJson(
    keys.text_key,
    snakeCaseKeys({
      ...extracted,
      articleId: article.article_id,
      url: article.url,
      finalUrl: response.finalUrl,
      declaredCanonicalUrl: extracted.canonicalUrl,
      canonicalUrl: canonical,
      fetchedAt: now.toISOString(),
    }),
  );
  const stored = {
    canonical_url: canonical,
    title: extracted.title ?? article.title,
    published: extracted.published ?? article.feed_published,
    language: extracted.language,
    ...keys,
    content_hash: contentHash(extracted.text),
    word_count: extracted.wordCount,
  };
  const skipReason = reasonNotToCode(extracted);
  if (skipReason) {
    // Another delivery of this message may have stored it meanwhile: only the first counts it.
    if (!(await deps.articles.markSkipped(article.article_id, skipReason, now, stored))) return 'already-done';
    deps.observer.count('ArticlesSkipped');
    deps.observer.info('article stored, not coded', { url: article.url, reason: skipReason });
    return 'skipped';
  }
  const duplicateOf = await findFirstCopy(
    article.article_id,
    stored.published,
    { listedCanonical: article.canonical_url, canonical, text: extracted.text, contentHash: stored.content_hash },
    deps,
  );
  // Another delivery of this message may have stored it meanwhile: only the first counts it and hands it on.
  if (!(await deps.articles.markStored(article.article_id, { ...stored, duplicate_of: duplicateOf }, now)))
    return 'already-done';
  await deps.queues.code.send([{ article_id: article.article_id }]);
  deps.observer.count(duplicateOf ? 'ArticlesDuplicate' : 'ArticlesStored');
  return duplicateOf ? 'duplicate' : 'stored';
}

function reasonNotToCode(extracted: ExtractedArticle): string | null {
  if (extracted.flags.paywall) return 'paywall stub: only a teaser is public';
  if (extracted.flags.consentWall) return 'consent wall: no article content';
  if (extracted.flags.notArticle) return 'not an article page';
  if (extracted.language && extracted.language !== 'en')
    return `language ${extracted.language}: the event coder reads English only`;
  if (extracted.wordCount < MIN_WORDS) return `too short to code (${extracted.wordCount} words)`;
  return null;
}

function safeCanonical(finalUrl: string, declared: string | null): string | null {
  try {
    return canonicalUrl(finalUrl, { canonical: declared });
  } catch {
    return null;
  }
}

/**
 * A busy host or a Retry-After is a wait: the message is deferred until then (no write: the message carries it),
 * and only a wait past MAX_TOTAL_WAIT_MS is recorded. Other retryable failures go back to the queue (and finally
 * its dead-letter queue); permanent ones are recorded.
 */
async function handleFetchError(
  article: ArticleRecord,
  message: ArticleMessage,
  error: unknown,
  deps: FetchArticleDeps,
): Promise<ArticleOutcome> {
  const now = deps.clock();
  if (error instanceof RateLimitedError) {
    const notBefore = new Date(now.getTime() + error.retryAfterMs);
    const wait = deferOrGiveUp(message.deferral, { notBefore, reason: error.message, slot: error.slot }, now);
    if (wait instanceof DeferError) throw wait;
    return recordFailure(article, wait, deps, now);
  }
  if (!(error instanceof FetchError) && !(error instanceof EventwireError && !error.retryable)) throw error;
  if (error.retryable) {
    const reason = describeReason(error);
    await deps.articles.noteAttempt(article.article_id, reason, now);
    deps.observer.count('ArticlesRetried');
    deps.observer.warn('article fetch failed, will retry', { url: article.url, reason });
    throw error;
  }
  return recordFailure(article, error, deps, now);
}

async function recordFailure(
  article: ArticleRecord,
  error: unknown,
  deps: FetchArticleDeps,
  now: Date,
): Promise<ArticleOutcome> {
  const reason = describeReason(error);
  await deps.articles.markFailed(article.article_id, reason, now);
  deps.observer.count('ArticlesFailed');
  deps.observer.warn('article fetch failed', { url: article.url, reason });
  return 'failed';
}

function describeReason(error: unknown): string {
  const { name, message } = describeError(error);
  return `${name}: ${message}`;
}
