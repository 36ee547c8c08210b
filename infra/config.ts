import type { Node } from 'constructs';
import { z } from 'zod';
import { InfraConfigError } from './errors.js';

// CLI context values arrive as strings (`-c scheduleMinutes=10`), cdk.json values as JSON: accept both.
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const bool = (fallback: boolean) =>
  z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).default(fallback);

/** CloudWatch Logs accepts only these retention periods (days). */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * Every tunable of the deployment, read from CDK context with its default. Documented in README.md (section "Deploy to AWS");
 * a test keeps that table and this schema in step.
 */
export const InfraConfigSchema = z
  .object({
    /** CloudFormation stack name. */
    stackName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/)
      .default('Eventwire'),
    /** Minutes between two runs of schedule-feeds; per-feed intervals are honoured by the stage. */
    scheduleMinutes: int(1, 1440, 5),
    /** Receives of a message before SQS moves it to the stage's dead-letter queue. */
    maxReceiveCount: int(1, 1000, 5),
    /** Retention of every function's log group and the API access log. */
    logRetentionDays: z.coerce
      .number()
      .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
        message: `must be one of ${LOG_RETENTION_DAYS.join(', ')}`,
      })
      .default(30),
    /** Days before objects under raw/ move to STANDARD_IA (S3 minimum: 30). */
    rawToIaDays: int(30, 3650, 30),
    /** Days before objects under raw/ move to GLACIER_IR (at least rawToIaDays + 30). */
    rawToGlacierDays: int(60, 36500, 180),
    /** Days a replaced or deleted object version is kept. */
    noncurrentVersionDays: int(1, 3650, 30),
    /** Days server access logs are kept in the log bucket. */
    accessLogDays: int(1, 3650, 90),
    /** Alarm when the oldest message in a stage queue is older than this (seconds). */
    queueAgeAlarmSeconds: int(60, 1_209_600, 3600),
    /** Upper bound of concurrent fetch-feed invocations (SQS event source maxConcurrency, 2..1000). */
    feedConcurrency: int(2, 1000, 2),
    /** Upper bound of concurrent fetch-article invocations. */
    articleConcurrency: int(2, 1000, 5),
    /** Upper bound of concurrent code-events invocations. */
    codeConcurrency: int(2, 1000, 5),
    /** Messages per fetch-feed invocation. */
    feedBatchSize: int(1, 10, 5),
    /** Messages per fetch-article invocation. */
    articleBatchSize: int(1, 10, 5),
    /** Messages per code-events invocation. */
    codeBatchSize: int(1, 10, 10),
    /** Stream records per publish-changes invocation. */
    publishBatchSize: int(1, 1000, 100),
    /** Memory of code-events, the NLP stage (MB). */
    codeEventsMemoryMb: int(128, 10240, 1024),
    /** Minimum interval between two requests to one host, across all workers (ms). */
    hostIntervalMs: int(0, 600_000, 1000),
    /** User-Agent sent by the fetchers; empty = the application default. */
    userAgent: z.string().default(''),
    /** Powertools log level of every function. */
    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
    /** Email subscribed to the alarm topic; none when empty. */
    alarmEmail: z.union([z.literal(''), z.email()]).default(''),
    /** Feed list file (JSON array of {url, name?, poll_minutes?}), relative to the repository root. */
    feedsFile: z.string().min(1).default('config/feeds.example.json'),
    /** Name of the custom EventBridge bus that downstream services subscribe to. */
    eventBusName: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,256}$/)
      .default('eventwire-events'),
    /** Name of the managed read-only policy for downstream consumers (IAM names are account-wide). */
    readOnlyPolicyName: z
      .string()
      .regex(/^[A-Za-z0-9+=,.@_-]{1,128}$/)
      .default('EventwireEventsReadOnly'),
    /** Steady-state requests per second allowed on the read API. */
    apiRateLimit: int(1, 10_000, 10),
    /** Burst of requests allowed on the read API. */
    apiBurstLimit: int(1, 5000, 20),
    /** Create the account-wide API Gateway CloudWatch Logs role (false if the account already has one). */
    apiGatewayCloudWatchRole: bool(true),
    /** DynamoDB capacity mode: on-demand, or provisioned with auto scaling (cheaper per write for a steady load). */
    tableCapacity: z.enum(['on-demand', 'provisioned']).default('on-demand'),
    /** Provisioned mode: lowest read and write capacity units of each table and index. */
    minCapacityUnits: int(1, 40_000, 5),
    /** Provisioned mode: highest read and write capacity units of each table and index. */
    maxCapacityUnits: int(1, 40_000, 1000),
    /** Provisioned mode: consumed share of provisioned capacity that auto scaling aims at (%). */
    capacityTargetPercent: int(20, 90, 70),
    /** Delete buckets and tables with the stack (dev only); by default data is retained. */
    destroyOnRemoval: bool(false),
    /** Deploy the archive backfill (Step Functions Distributed Map over WARC files in S3). */
    backfill: bool(false),
    /** Bucket of the WARC files the backfill may read (IAM grants name it): Common Crawl's public bucket by default. */
    backfillSourceBucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)
      .default('commoncrawl'),
    /** Key prefix under which the backfill may read (CC-NEWS by default); jobs name a prefix below it. */
    backfillSourcePrefix: z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()/-]*$/)
      .default('crawl-data/CC-NEWS/'),
    /** Byte ranges (one child workflow each) processed at once. */
    backfillConcurrency: int(1, 1000, 20),
    /** Size of one child's byte range of a gzipped WARC file (MB). */
    backfillRangeMb: int(8, 4096, 32),
    /** Share of ranges that may fail (after retries) before the whole backfill is marked failed (%). */
    backfillToleratedFailurePercent: int(0, 100, 5),
    /** Memory of the backfill worker (MB): CPU grows with it, one full vCPU at 1769 MB. */
    backfillWorkerMemoryMb: int(1024, 10240, 2048),
  })
  .refine((c) => c.rawToGlacierDays >= c.rawToIaDays + 30, {
    message: 'rawToGlacierDays must be at least rawToIaDays + 30 (S3 lifecycle rule)',
    path: ['rawToGlacierDays'],
  })
  .refine((c) => c.maxCapacityUnits >= c.minCapacityUnits, {
    message: 'maxCapacityUnits must be at least minCapacityUnits',
    path: ['maxCapacityUnits'],
  });

export type InfraConfig = z.infer<typeof InfraConfigSchema>;
export type InfraConfigKey = keyof InfraConfig;

/** Context keys read by {@link readInfraConfig}, in documentation order. */
export const INFRA_CONFIG_KEYS = Object.keys(InfraConfigSchema.shape) as InfraConfigKey[];

/**
 * Reads every tunable once from CDK context (cdk.json, cdk.context.json, `-c key=value`).
 * @throws InfraConfigError naming each bad key and why, so synthesis stops before building anything.
 */
export function readInfraConfig(node: Node): InfraConfig {
  const raw: Record<string, unknown> = {};
  for (const key of INFRA_CONFIG_KEYS) {
    const value: unknown = node.tryGetContext(key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = InfraConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InfraConfigError(`invalid CDK context: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
