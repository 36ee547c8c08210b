import { z } from 'zod';
import { DeferralSchema } from './deferral.js';

/** Set by the batch layer on a message sent again to wait (see deferral.ts); absent on a first send. */
const waiting = { deferral: DeferralSchema.optional() };

/** feed queue: one due feed to poll. */
export const FeedMessageSchema = z.object({ feedId: z.string().min(1), ...waiting });
export type FeedMessage = z.infer<typeof FeedMessageSchema>;

/** article queue: one discovered article to fetch, extract and store. */
export const ArticleMessageSchema = z.object({ articleId: z.string().min(1), ...waiting });
export type ArticleMessage = z.infer<typeof ArticleMessageSchema>;

/** code queue: one stored article to code into events. */
export const CodeMessageSchema = z.object({ articleId: z.string().min(1), ...waiting });
export type CodeMessage = z.infer<typeof CodeMessageSchema>;

export type StageName = 'feed' | 'article' | 'code';
