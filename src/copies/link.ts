import { z } from 'zod';
import { type CodedArticle, CodedArticleSchema } from '../core/event-schema.js';
import type { ArticleStore } from '../storage/article-store.js';
import { type BlobStore, codedKeyOf } from '../storage/blob-store.js';
import type { ArticleReports } from '../storage/event-withdrawal.js';
import { MAX_COPY_CHAIN } from './policy.js';

/**
 * An article's coded object: the coder output its mentions were recorded from, and the day undated events took
 * (`publishedDay` in objects written before the records' snake_case names).
 */
const CodedObjectSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && 'publishedDay' in value
      ? { ...value, published_day: value.publishedDay }
      : value,
  CodedArticleSchema.extend({ published_day: z.string() }),
);

/** What linking a copy to its first copy means. */
export interface CopyLink {
  /** The first copy's coded output: the copy records its reports from it, under its own name. */
  coded: CodedArticle;
  /**
   * The reports the copy recorded before (coded from its own text before its first copy turned up, or linked to
   * a copy since outranked), to withdraw against those it is about to record; null when it recorded none.
   */
  withdraw: { recorded: ArticleReports; kept: ArticleReports } | null;
}

/** What linking reads: articles, and coded objects in the bucket. */
export interface LinkDeps {
  articles: Pick<ArticleStore, 'get'>;
  blobs: Pick<BlobStore, 'getJson' | 'findJson'>;
}

/**
 * How a copy is linked to `firstCopy`, followed along copies of copies (MAX_COPY_CHAIN levels) to the coded one;
 * null while that one is not coded yet. The copy ends with the same events whatever order the copies came in.
 */
export async function linkOf(
  copy: { textKey: string; publishedDay: string },
  firstCopy: string,
  deps: LinkDeps,
): Promise<CopyLink | null> {
  const coded = await codedFirstCopy(firstCopy, deps);
  if (!coded) return null;
  const recorded = CodedObjectSchema.nullable().parse(await deps.blobs.findJson(codedKeyOf(copy.textKey)));
  return {
    coded,
    withdraw: recorded
      ? {
          recorded: { events: recorded.events, day: recorded.published_day },
          kept: { events: coded.events, day: copy.publishedDay },
        }
      : null,
  };
}

async function codedFirstCopy(articleId: string, deps: LinkDeps, depth = 0): Promise<CodedArticle | null> {
  const original = await deps.articles.get(articleId);
  if (original?.status === 'duplicate' && original.duplicate_of && depth < MAX_COPY_CHAIN)
    return codedFirstCopy(original.duplicate_of, deps, depth + 1);
  if (!original?.text_key || original.status !== 'coded') return null;
  return CodedArticleSchema.parse(await deps.blobs.getJson(codedKeyOf(original.text_key)));
}
