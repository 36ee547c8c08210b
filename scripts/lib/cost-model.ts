// Prices what a metered run used (cost-scenarios.ts) with data/pricing/us-east-1.json: per article, per service,
// on-demand and provisioned (with and without a one-year reservation), at a steady daily volume.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InfraConfigSchema } from '../../infra/config.js';
import { FUNCTION_SPECS } from '../../infra/functions.js';
import { TABLES } from '../../src/storage/table-design.js';
import { STAGES, type Stage } from './cost-meters.js';
import type { Measured } from './cost-scenarios.js';

const PricingSchema = z.object({
  source: z.string(),
  asOf: z.string(),
  lambda: z.object({ arm64GbSecond: z.number(), requestsPerMillion: z.number() }),
  s3: z.object({ putPer1000: z.number(), getPer1000: z.number() }),
  dynamodb: z.object({
    writeRequestUnitsPerMillion: z.number(),
    readRequestUnitsPerMillion: z.number(),
    provisionedWcuHour: z.number(),
    provisionedRcuHour: z.number(),
    reserved1Year: z.object({
      per100WcuUpfront: z.number(),
      per100WcuHour: z.number(),
      per100RcuUpfront: z.number(),
      per100RcuHour: z.number(),
    }),
  }),
  sqs: z.object({ standardRequestsPerMillion: z.number() }),
  eventbridge: z.object({ customEventsPerMillion: z.number() }),
  cloudwatch: z.object({ logsIngestedPerGb: z.number() }),
  xray: z.object({
    tracesRecordedPerMillion: z.number(),
    defaultReservoirPerSecond: z.number(),
    defaultFixedRate: z.number(),
  }),
});
export type Pricing = z.infer<typeof PricingSchema>;

export async function loadPricing(): Promise<Pricing> {
  const url = new URL('../../data/pricing/us-east-1.json', import.meta.url);
  return PricingSchema.parse(JSON.parse(await readFile(url, 'utf8')));
}

export const DEPLOYED = InfraConfigSchema.parse({});
export const DAILY_VOLUMES = [10_000, 100_000, 1_000_000] as const;
/** The volume the per-million figures are given at (X-Ray sampling and stream batching depend on the rate). */
export const HEADLINE_DAILY = 1_000_000;
const HOURS_PER_MONTH = 730;
const HOURS_PER_YEAR = 8760;
/** Log bytes per invocation: START/END/REPORT platform lines and one metrics (EMF) document. */
const LOG_BYTES_PER_INVOCATION = 1_100;
/** publish-changes: billed time per invocation (a batch of stream records into one PutEvents), not measured here. */
const PUBLISH_MS = 100;
/** The events stream mapping's batching window (infra/constructs/downstream.ts). */
const PUBLISH_WINDOW_SECONDS = 5;

export type Tracing = 'active' | 'pass-through';
type FunctionName = (typeof STAGES)[Stage] | 'publish-changes';

/** What one article costs in requests and resources, at a daily volume. */
export interface ArticleUsage {
  s3_put: number;
  s3_get: number;
  dynamodb_table_wru: number;
  dynamodb_index_wru: number;
  dynamodb_rru: number;
  sqs_requests: number;
  lambda_gb_seconds: number;
  lambda_invocations: number;
  bus_events: number;
  log_kb: number;
  xray_traces: number;
}

/** Invocations per article of each function. */
export function invocationsPerArticle(m: Measured, daily: number): Record<FunctionName, number> {
  const per = (value: number) => value / m.articles;
  // A stream batch closes at publishBatchSize records or after the window: at low rates nearly every record opens
  // a window of its own.
  const records = per(m.dynamo.publishedRecords);
  const rate = (records * daily) / 86_400;
  const publishPerSecond =
    rate > 0 ? Math.max(rate / DEPLOYED.publishBatchSize, rate / (1 + PUBLISH_WINDOW_SECONDS * rate)) : 0;
  return {
    'fetch-feed': per(m.counters.times.feed.invocations),
    'fetch-article': per(m.counters.times.article.invocations),
    'code-events': per(m.counters.times.code.invocations),
    'publish-changes': (publishPerSecond * 86_400) / daily,
  };
}

/**
 * Traces X-Ray records per article. Lambda's active tracing samples with X-Ray's default rule (the first request
 * each second, then 5%), which a sampling rule does not change for Lambda; pass-through records none.
 */
export function tracesPerArticle(pricing: Pricing, m: Measured, daily: number, tracing: Tracing): number {
  if (tracing === 'pass-through') return 0;
  const { defaultReservoirPerSecond: reservoir, defaultFixedRate: rate } = pricing.xray;
  return Object.values(invocationsPerArticle(m, daily)).reduce((sum, perArticle) => {
    const perSecond = (perArticle * daily) / 86_400;
    const traced = Math.min(perSecond, reservoir) + rate * Math.max(0, perSecond - reservoir);
    return sum + (traced * 86_400) / daily;
  }, 0);
}

export function usageOf(pricing: Pricing, m: Measured, daily: number, tracing: Tracing): ArticleUsage {
  const per = (value: number) => value / m.articles;
  const invocations = invocationsPerArticle(m, daily);
  const stages = Object.keys(STAGES) as Stage[];
  const stageGbSeconds = stages.reduce(
    (sum, stage) => sum + (m.counters.times[stage].ms / 1000) * (FUNCTION_SPECS[STAGES[stage]].memoryMb / 1024),
    0,
  );
  const publishGbSeconds =
    invocations['publish-changes'] * (PUBLISH_MS / 1000) * (FUNCTION_SPECS['publish-changes'].memoryMb / 1024);
  const allInvocations = Object.values(invocations).reduce((sum, n) => sum + n, 0);
  const stageInvocations = per(stages.reduce((sum, stage) => sum + m.counters.times[stage].invocations, 0));
  return {
    s3_put: per(m.counters.s3.put),
    s3_get: per(m.counters.s3.get),
    dynamodb_table_wru: per(m.dynamo.tableWru),
    dynamodb_index_wru: per(m.dynamo.indexWru),
    dynamodb_rru: per(m.dynamo.rru),
    // Sends as the sink batches them, each deferral a SendMessage, and per invocation a receive and a delete.
    sqs_requests: per(m.counters.sqs.sendRequests + m.counters.sqs.deferrals) + 2 * stageInvocations,
    lambda_gb_seconds: per(stageGbSeconds) + publishGbSeconds,
    lambda_invocations: allInvocations,
    bus_events: per(m.dynamo.busEvents),
    log_kb: (per(m.counters.logBytes) + LOG_BYTES_PER_INVOCATION * allInvocations) / 1024,
    xray_traces: tracesPerArticle(pricing, m, daily, tracing),
  };
}

/** USD per article of each service, on-demand. */
export function servicesOf(pricing: Pricing, u: ArticleUsage): Record<string, number> {
  return {
    s3: (u.s3_put * pricing.s3.putPer1000 + u.s3_get * pricing.s3.getPer1000) / 1000,
    dynamodb:
      ((u.dynamodb_table_wru + u.dynamodb_index_wru) * pricing.dynamodb.writeRequestUnitsPerMillion +
        u.dynamodb_rru * pricing.dynamodb.readRequestUnitsPerMillion) /
      1e6,
    sqs: (u.sqs_requests * pricing.sqs.standardRequestsPerMillion) / 1e6,
    lambda:
      u.lambda_gb_seconds * pricing.lambda.arm64GbSecond +
      (u.lambda_invocations * pricing.lambda.requestsPerMillion) / 1e6,
    eventbridge: (u.bus_events * pricing.eventbridge.customEventsPerMillion) / 1e6,
    logs: (u.log_kb / 1024 / 1024) * pricing.cloudwatch.logsIngestedPerGb,
    xray: (u.xray_traces * pricing.xray.tracesRecordedPerMillion) / 1e6,
  };
}

export type Capacity = 'on-demand' | 'provisioned' | 'reserved';

/** USD per million articles at `daily` articles a day, with DynamoDB in the given capacity mode. */
export function perMillion(pricing: Pricing, m: Measured, daily: number, tracing: Tracing, capacity: Capacity): number {
  const services = servicesOf(pricing, usageOf(pricing, m, daily, tracing));
  const others = Object.entries(services)
    .filter(([service]) => service !== 'dynamodb')
    .reduce((sum, [, usd]) => sum + usd, 0);
  const dynamo =
    capacity === 'on-demand'
      ? (services.dynamodb ?? 0)
      : provisionedDynamoMonthly(pricing, m, daily, capacity === 'reserved') / (daily * 30);
  return (others + dynamo) * 1e6;
}

/**
 * Monthly DynamoDB bill on provisioned capacity for a steady load: each table and index holds its share of the
 * writes divided by the target utilisation, never less than the minimum capacity (reads are not metered per index,
 * so the read minimum applies to their total). With a one-year reservation, whole blocks of 100 units of that
 * capacity are reserved (upfront spread over the year) and the rest stays at the provisioned rate.
 */
export function provisionedDynamoMonthly(pricing: Pricing, m: Measured, daily: number, reserved: boolean): number {
  const target = DEPLOYED.capacityTargetPercent / 100;
  const perSecond = (unitsPerArticle: number): number => (unitsPerArticle * daily) / 86_400 / target;
  const resources = TABLES.flatMap((design) => [
    m.tableNames[design.id],
    ...design.indexes.map((index) => `${m.tableNames[design.id]}/${index.name}`),
  ]);
  const wcu = resources.reduce(
    (sum, resource) =>
      sum + Math.max(DEPLOYED.minCapacityUnits, perSecond((m.dynamo.byTarget.get(resource) ?? 0) / m.articles)),
    0,
  );
  const rcu = Math.max(DEPLOYED.minCapacityUnits * resources.length, perSecond(m.dynamo.rru / m.articles));
  const d = pricing.dynamodb;
  const hourly = (units: number, onDemandHour: number, per100Upfront: number, per100Hour: number): number => {
    const blocks = reserved ? Math.floor(units / 100) : 0;
    return blocks * (per100Upfront / HOURS_PER_YEAR + per100Hour) + (units - blocks * 100) * onDemandHour;
  };
  return (
    (hourly(wcu, d.provisionedWcuHour, d.reserved1Year.per100WcuUpfront, d.reserved1Year.per100WcuHour) +
      hourly(rcu, d.provisionedRcuHour, d.reserved1Year.per100RcuUpfront, d.reserved1Year.per100RcuHour)) *
    HOURS_PER_MONTH
  );
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
