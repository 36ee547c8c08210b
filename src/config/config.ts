import { z } from 'zod';
import { ENV } from './env-names.js';
import { ConfigError } from './errors.js';

/** Where the AWS SDK clients point: real AWS (no endpoints) or the embedded local servers. */
export const EndpointsSchema = z.object({
  s3: z.string().url().optional(),
  dynamodb: z.string().url().optional(),
});

export const AppConfigSchema = z.object({
  region: z.string().default('us-east-1'),
  bucket: z.string().min(3),
  tables: z.object({ feeds: z.string(), articles: z.string(), events: z.string(), state: z.string() }),
  queues: z.object({ feed: z.string().optional(), article: z.string().optional(), code: z.string().optional() }),
  eventBusName: z.string().optional(),
  feedListParameter: z.string().optional(),
  /** Descriptive User-Agent with a contact URL, sent on every request. */
  userAgent: z.string().default('eventwire/0.1 (+https://github.com/eventwire/eventwire; news event research crawler)'),
  /** Minimum interval between two requests to the same host, across all workers. */
  hostIntervalMs: z.coerce.number().int().min(0).default(1000),
  /** Hosts (host:port) allowed to resolve to loopback/private addresses: only the local demo site. */
  allowedHosts: z.array(z.string()).default([]),
  endpoints: EndpointsSchema.default({}),
  /** Local stack credentials; absent in AWS where the Lambda role provides them. */
  credentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string() }).optional(),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

const REQUIRED_IN_LAMBDA = [ENV.bucket, ENV.feedsTable, ENV.articlesTable, ENV.eventsTable, ENV.stateTable] as const;

/**
 * Typed configuration of a Lambda function from its environment, read once at cold start.
 * Fails fast naming every missing variable.
 */
export function loadConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const missing = REQUIRED_IN_LAMBDA.filter((name) => !env[name]);
  if (missing.length > 0) throw new ConfigError(`missing required environment variables: ${missing.join(', ')}`);
  const parsed = AppConfigSchema.safeParse({
    region: env.AWS_REGION,
    bucket: env[ENV.bucket],
    tables: {
      feeds: env[ENV.feedsTable],
      articles: env[ENV.articlesTable],
      events: env[ENV.eventsTable],
      state: env[ENV.stateTable],
    },
    queues: { feed: env[ENV.feedQueueUrl], article: env[ENV.articleQueueUrl], code: env[ENV.codeQueueUrl] },
    eventBusName: env[ENV.eventBusName],
    feedListParameter: env[ENV.feedListParameter],
    userAgent: env[ENV.userAgent] || undefined,
    hostIntervalMs: env[ENV.hostIntervalMs] || undefined,
  });
  if (!parsed.success) throw new ConfigError(`invalid configuration: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Configuration of the embedded local stack: fixed names, endpoints filled in when the servers start. */
export function localConfig(endpoints: { s3: string; dynamodb: string }, allowedHosts: string[]): AppConfig {
  return AppConfigSchema.parse({
    bucket: 'eventwire-local',
    tables: { feeds: 'eventwire-feeds', articles: 'eventwire-articles', events: 'eventwire-events', state: 'eventwire-state' },
    queues: {},
    hostIntervalMs: 0,
    allowedHosts,
    endpoints,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}
