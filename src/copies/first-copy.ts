import type { ArticleMessage } from '../queue/messages.js';
import type { MessageSink } from '../queue/sink.js';
import type { StageObserver } from '../stages/observer.js';
import type { ArticleStore } from '../storage/article-store.js';
import type { CopyClaimStore } from '../storage/copy-claims.js';
import { ArticleBusyError } from './errors.js';
import {
  type Claimant,
  type ClaimSource,
  claimantOf,
  claimKeysOf,
  DEMOTE_ATTEMPTS,
  demotionOf,
  MAX_COPY_CHAIN,
  paragraphOwner,
} from './policy.js';

/** What finding an article's first copy uses: the articles and their claims, the code queue, where it reports. */
export interface FirstCopyDeps {
  articles: Pick<ArticleStore, 'copies' | 'getWithCopies' | 'markCopyOf' | 'forgetCopies'>;
  queues: { code: MessageSink<ArticleMessage> };
  observer: Pick<StageObserver, 'count'>;
  clock: () => Date;
}

/** The verdict of an article's claims. */
export interface CopyVerdict {
  /** The article this one copies, or null when it is the first copy. */
  firstCopy: string | null;
  /** Articles that held claims before this (earlier-ranked) one arrived: they are copies of it. */
  displaced: string[];
  /** The claims taken from them, to settle once they are demoted. */
  taken: string[];
}

/**
 * The first copy of a freshly fetched article's story (same canonical URL, same text, or most of the same
 * paragraphs), or null when this is it. Articles stored earlier that rank after this one become its copies and
 * are demoted, and only then are their claims settled, so a retry after a crash still finds them.
 */
export async function findFirstCopy(
  articleId: string,
  published: string | null,
  source: ClaimSource,
  deps: FirstCopyDeps,
): Promise<string | null> {
  const claimant = claimantOf(articleId, published);
  const verdict = await judgeCopy(deps.articles.copies, claimant, claimKeysOf(source));
  for (const later of verdict.displaced) await demote(later, articleId, deps);
  await deps.articles.copies.settle(claimant, verdict.taken);
  return verdict.firstCopy;
}

/**
 * Takes the article's claims and judges them: an exact claim (canonical URL, whole-text hash) owned by another
 * article makes it a copy at once, with no further claim taken; otherwise the paragraph claims decide.
 */
export async function judgeCopy(
  claims: CopyClaimStore,
  claimant: Claimant,
  keys: ReturnType<typeof claimKeysOf>,
): Promise<CopyVerdict> {
  const displaced = new Set<string>();
  const taken: string[] = [];
  const note = (key: string, previous: readonly string[]) => {
    if (previous.length > 0) taken.push(key);
    for (const id of previous) displaced.add(id);
  };
  for (const key of keys.exact) {
    const { owner, previous } = await claims.claim(key, claimant);
    if (owner !== claimant.articleId) return { firstCopy: owner, displaced: [], taken: [] };
    note(key, previous);
  }
  const owners: string[] = [];
  for (const key of keys.paragraphs) {
    const { owner, previous } = await claims.claim(key, claimant);
    owners.push(owner);
    note(key, previous);
  }
  const firstCopy = paragraphOwner(claimant, owners, keys.paragraphs.length);
  return firstCopy ? { firstCopy, displaced: [], taken: [] } : { firstCopy: null, displaced: [...displaced], taken };
}

/**
 * Makes an outranked article a copy of `firstCopy`, with the copies already linked to it (down to MAX_COPY_CHAIN
 * levels). One stored or coded already goes back to the code stage, to be linked to its new first copy. Copies
 * are forgotten only once demoted, so a retry after a crash finds them again.
 */
async function demote(articleId: string, firstCopy: string, deps: FirstCopyDeps, depth = 0): Promise<void> {
  const { needsCoding, copies, demoted } = await demoteOne(articleId, firstCopy, deps);
  if (needsCoding) await deps.queues.code.send([{ article_id: articleId }]);
  // Counted once when it was fetched (stored or skipped); its demotion is counted apart, and only once.
  if (demoted) deps.observer.count('ArticlesDemoted');
  if (depth >= MAX_COPY_CHAIN) return;
  for (const copy of copies) await demote(copy, firstCopy, deps, depth + 1);
  await deps.articles.forgetCopies(articleId, copies);
}

/** Reads the article, decides its demotion and writes it on the status read, again if a stage moved it on. */
async function demoteOne(
  articleId: string,
  firstCopy: string,
  deps: FirstCopyDeps,
): Promise<{ needsCoding: boolean; copies: string[]; demoted: boolean }> {
  for (let attempt = 0; attempt < DEMOTE_ATTEMPTS; attempt += 1) {
    const found = await deps.articles.getWithCopies(articleId);
    if (!found) return { needsCoding: false, copies: [], demoted: false };
    const { status, needsCoding } = demotionOf(found.article, firstCopy);
    if (!status) return { needsCoding, copies: found.copies, demoted: false };
    const read = found.article.status;
    if (await deps.articles.markCopyOf(articleId, firstCopy, { status, read }, deps.clock()))
      return { needsCoding, copies: found.copies, demoted: true };
  }
  throw new ArticleBusyError(`article ${articleId} changed status ${DEMOTE_ATTEMPTS} times while being demoted`);
}
