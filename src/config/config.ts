import { z } from 'zod';
import { ENV, type EnvName } from './env-names.js';
import { ConfigError } from './errors.js';

/** Where the AWS SDK clients point: real AWS (no endpoints) or the embedded local servers. */
export const EndpointsSchema = z.object({
  s3: z.string().url().optional(),
  dynamodb: z.string().url().optional(),
});

export const AppConfigSchema = z.object({
  region: z.string().default('us-east-1'),
  /** Resource names are optional: each Lambda function is given only those it has permissions for. */
  bucket: z.string().min(3).optional(),
  tables: z.object({
    feeds: z.string().optional(),
    articles: z.string().optional(),
    events: z.string().optional(),
    state: z.string().optional(),
  }),
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
export type TableId = keyof AppConfig['tables'];

/** The local stack's configuration, where every resource exists. */
export type LocalConfig = AppConfig & { bucket: string; tables: Record<TableId, string> };

/** The name of a table this function was configured with; a function without it fails on first use, by name. */
export function tableName(config: AppConfig, id: TableId): string {
  const name = config.tables[id];
  if (!name)
    throw new ConfigError(`this function has no ${id} table configured (environment variable for the ${id} table)`);
  return name;
}

export function bucketName(config: AppConfig): string {
  if (!config.bucket) throw new ConfigError(`this function has no bucket configured (${ENV.bucket})`);
  return config.bucket;
}

/**
 * Typed configuration of a Lambda function from its environment, read once at cold start.
 * Fails fast naming every missing variable among those the function requires.
 */
export function loadConfigFromEnv(required: readonly EnvName[], env: NodeJS.ProcessEnv = process.env): AppConfig {
  const missing = required.filter((name) => !env[name]);
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

const LocalConfigSchema = AppConfigSchema.extend({
  bucket: z.string().min(3),
  tables: z.object({ feeds: z.string(), articles: z.string(), events: z.string(), state: z.string() }),
});

/** Configuration of the embedded local stack: fixed names, endpoints filled in when the servers start. */
export function localConfig(endpoints: { s3: string; dynamodb: string }, allowedHosts: string[]): LocalConfig {
  return LocalConfigSchema.parse({
    bucket: 'eventwire-local',
    tables: {
      feeds: 'eventwire-feeds',
      articles: 'eventwire-articles',
      events: 'eventwire-events',
      state: 'eventwire-state',
    },
    queues: {},
    hostIntervalMs: 0,
    allowedHosts,
    endpoints,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}
