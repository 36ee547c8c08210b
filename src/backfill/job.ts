import { z } from 'zod';
import { isCalendarDate } from '../core/dates.js';
import { SKIP_REASONS } from './archive-records.js';
import { OutletListSchema } from './outlets.js';

/*
 * The messages of a backfill in AWS, in snake_case like every JSON eventwire emits: the job (the execution's
 * input, passed to every child), the byte ranges the plan makes of the WARC files, and what each child returns
 * (written to S3 by the Distributed Map's ResultWriter).
 */

const day = z.string().refine(isCalendarDate, { message: 'must be a date that exists, YYYY-MM-DD' });

/** What `eventwire backfill --s3` starts: the WARC files under s3://bucket/prefix and what to keep of them. */
export const BackfillJobSchema = z.strictObject({
  bucket: z.string().min(3),
  prefix: z.string(),
  from: day,
  to: day,
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .nullable(),
  outlets: OutletListSchema.nullable(),
});
export type BackfillJob = z.infer<typeof BackfillJobSchema>;

/** One child's work: the records of one WARC file that start in [start, end). */
export const ByteRangeSchema = z.strictObject({
  key: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** `start` is known to be a record boundary (a file's start, or where an earlier invocation stopped). */
  aligned: z.boolean(),
});
export type ByteRange = z.infer<typeof ByteRangeSchema>;

const TallySchema = z.object({
  records: z.number().int(),
  skipped: z.record(z.enum(SKIP_REASONS), z.number().int()),
  fetched: z.number().int(),
  known: z.number().int(),
});

/** What a range's invocations did so far, summed. */
export const RangeResultSchema = z.object({
  invocations: z.number().int(),
  tally: TallySchema,
  stored: z.number().int(),
  coded: z.number().int(),
  events: z.number().int(),
  failed: z.number().int(),
  /** Articles whose coding had to wait longer than an invocation: handed to the code queue. */
  handed_to_code_queue: z.number().int(),
  elapsed_ms: z.number(),
});
export type RangeResult = z.infer<typeof RangeResultSchema>;

/** A worker invocation's input: the job, its range, and the result of the range's earlier invocations. */
export const WorkerInputSchema = z.object({
  job: BackfillJobSchema,
  range: ByteRangeSchema,
  result: RangeResultSchema.optional(),
});
export type WorkerInput = z.infer<typeof WorkerInputSchema>;

/** A worker invocation's output: `done`, or the rest of the range (from the next record) for the next invocation. */
export const WorkerOutputSchema = WorkerInputSchema.extend({ done: z.boolean(), result: RangeResultSchema });
export type WorkerOutput = z.infer<typeof WorkerOutputSchema>;

/** The plan: where the ranges were written (the Distributed Map reads them), and how many. */
export const PlanSchema = z.object({
  bucket: z.string(),
  key: z.string(),
  files: z.number().int(),
  ranges: z.number().int(),
});
export type Plan = z.infer<typeof PlanSchema>;
