import { z } from 'zod';
import { DeferralSchema } from './deferral.js';

/**
 * Set by the batch layer on a message sent again to wait (see deferral.ts), and by the feed stage on an article it
 * sends holding a host slot booked ahead; absent on other first sends.
 */
const waiting = { deferral: DeferralSchema.optional() };

// Bodies name their fields in snake_case, like every JSON eventwire emits. Bodies written before (camelCase, still
// in a queue, a dead-letter queue or a dead-letter file at an upgrade) are read too.
const articleMessage = z.union([
  z.object({ article_id: z.string().min(1), ...waiting }),
  z.object({ articleId: z.string().min(1), ...waiting }).transform(({ articleId, deferral }) => ({
    article_id: articleId,
    ...(deferral ? { deferral } : {}),
  })),
]);

/** feed queue: one due feed to poll. */
export const FeedMessageSchema = z.union([
  z.object({ feed_id: z.string().min(1), ...waiting }),
  z.object({ feedId: z.string().min(1), ...waiting }).transform(({ feedId, deferral }) => ({
    feed_id: feedId,
    ...(deferral ? { deferral } : {}),
  })),
]);
export type FeedMessage = z.infer<typeof FeedMessageSchema>;

/** article queue: one discovered article to fetch, extract and store. */
export const ArticleMessageSchema = articleMessage;
export type ArticleMessage = z.infer<typeof ArticleMessageSchema>;

/** code queue: one stored article to code into events. */
export const CodeMessageSchema = articleMessage;
export type CodeMessage = z.infer<typeof CodeMessageSchema>;

export type StageName = 'feed' | 'article' | 'code';
