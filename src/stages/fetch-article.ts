import { describeError, EventwireError } from '../core/errors.js';
import { isoDay, stableId } from '../core/ids.js';
import { contentHash, type ExtractedArticle, extractArticle, simhash64 } from '../extract/index.js';
import { decodeBody } from '../feeds/index.js';
import { canonicalUrl, FetchError, RateLimitedError } from '../fetch/index.js';
import { DeferError, deferOrGiveUp } from '../queue/deferral.js';
import type { ArticleMessage } from '../queue/messages.js';
import { articleKeys } from '../storage/blob-store.js';
import { claimantOf } from '../storage/copy-claims.js';
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
  const article = await deps.articles.get(message.articleId);
  if (!article) throw new UnknownItemError(`article ${message.articleId} is not in the articles table`);
  // Stored by an earlier delivery that may have died before handing it on: the code stage ignores a second message.
  if (article.status === 'stored') await deps.queues.code.send([{ articleId: article.articleId }]);
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
    extracted = extractArticle(html, { url: response.finalUrl, feedPublished: article.feedPublished });
  } catch (error) {
    return handleFetchError(article, message, error, deps);
  }
  const canonical = safeCanonical(response.finalUrl, extracted.canonicalUrl) ?? article.canonicalUrl;
  const keys = articleKeys(isoDay(article.discoveredAt), article.outlet, article.articleId);
  await deps.blobs.putRaw(keys.rawKey, response.body, response.headers);
  await deps.blobs.putJson(keys.textKey, {
    ...extracted,
    articleId: article.articleId,
    url: article.url,
    finalUrl: response.finalUrl,
    declaredCanonicalUrl: extracted.canonicalUrl,
    canonicalUrl: canonical,
    fetchedAt: now.toISOString(),
  });
  const stored = {
    canonicalUrl: canonical,
    title: extracted.title ?? article.title,
    published: extracted.published ?? article.feedPublished,
    language: extracted.language,
    ...keys,
    contentHash: contentHash(extracted.text),
    simhash: simhash64(extracted.text).toString(16),
    wordCount: extracted.wordCount,
  };
  const skipReason = reasonNotToCode(extracted);
  if (skipReason) {
    // Another delivery of this message may have stored it meanwhile: only the first counts it.
    if (!(await deps.articles.markSkipped(article.articleId, skipReason, now, stored))) return 'already-done';
    deps.observer.count('ArticlesSkipped');
    deps.observer.info('article stored, not coded', { url: article.url, reason: skipReason });
    return 'skipped';
  }
  const duplicateOf = await findFirstCopy(article, canonical, stored, extracted.text, deps);
  if (!(await deps.articles.markStored(article.articleId, { ...stored, duplicateOf }, now))) return 'already-done';
  await deps.queues.code.send([{ articleId: article.articleId }]);
  deps.observer.count(duplicateOf ? 'ArticlesDuplicate' : 'ArticlesStored');
  return duplicateOf ? 'duplicate' : 'stored';
}

/**
 * The first copy of this story (same canonical URL, same text, or most of the same paragraphs), or null when this
 * is it. "First" is by publication time, then id, not by arrival: copies processed in any order agree. Copies
 * stored earlier that rank after this one become its copies.
 */
async function findFirstCopy(
  article: ArticleRecord,
  canonical: string,
  stored: { contentHash: string; published: string | null },
  text: string,
  deps: FetchArticleDeps,
): Promise<string | null> {
  const claimant = claimantOf(article.articleId, stored.published);
  const verdict = await deps.articles.copies.judge(claimant, {
    canonicalId: canonical !== article.canonicalUrl ? stableId([canonical]) : null,
    contentHash: stored.contentHash,
    paragraphs: paragraphHashes(text),
  });
  for (const later of verdict.displaced) await demote(later, article.articleId, deps);
  await deps.articles.copies.settle(claimant, verdict.taken);
  return verdict.firstCopy;
}

/**
 * Makes an outranked article a copy of `firstCopy`, with the copies already linked to it. One stored or coded
 * already goes back to the code stage, to be linked to its new first copy. Copies are forgotten only once demoted,
 * so a retry after a crash finds them again.
 */
async function demote(articleId: string, firstCopy: string, deps: FetchArticleDeps, depth = 0): Promise<void> {
  const demoted = await deps.articles.demoteToCopy(articleId, firstCopy, deps.clock());
  if (demoted.needsCoding) await deps.queues.code.send([{ articleId }]);
  // Counted once when it was fetched (stored or skipped); its demotion is counted apart.
  if (demoted.demoted) deps.observer.count('ArticlesDemoted');
  if (depth >= MAX_COPY_CHAIN) return;
  for (const copy of demoted.copies) await demote(copy, firstCopy, deps, depth + 1);
  await deps.articles.forgetCopies(articleId, demoted.copies);
}

/** How deep copies of copies are followed; code-events follows chains as deep. */
const MAX_COPY_CHAIN = 3;

/** Paragraph claims per article: each is a write, and a sample this size already tells copies apart. */
const PARAGRAPH_SAMPLE = 6;

/**
 * Hashes of the substantial paragraphs (8+ words), normalised so markup and punctuation differences vanish. Only
 * the smallest hashes are kept (a bottom-k sample): two copies of a story keep mostly the same paragraphs, so
 * their shared share is estimated as well from the sample as from all paragraphs, at a fixed cost.
 */
function paragraphHashes(text: string): string[] {
  const hashes = text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    )
    .filter((paragraph) => paragraph.split(' ').length >= 8)
    .map((paragraph) => contentHash(paragraph).slice(0, 24));
  return [...new Set(hashes)].sort().slice(0, PARAGRAPH_SAMPLE);
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
    await deps.articles.noteAttempt(article.articleId, reason, now);
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
  await deps.articles.markFailed(article.articleId, reason, now);
  deps.observer.count('ArticlesFailed');
  deps.observer.warn('article fetch failed', { url: article.url, reason });
  return 'failed';
}

function describeReason(error: unknown): string {
  const { name, message } = describeError(error);
  return `${name}: ${message}`;
}
