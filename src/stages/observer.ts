/** Counters every stage reports; the names are also the CloudWatch metric names. */
export const METRICS = [
  'FeedsScheduled',
  'FeedsFetched',
  'FeedsNotModified',
  'FeedsFailed',
  'FeedItems',
  'ArticlesDiscovered',
  'ArticlesStored',
  'ArticlesDuplicate',
  'ArticlesDemoted',
  'ArticlesSkipped',
  'ArticlesFailed',
  'ArticlesRetried',
  'ArticlesCoded',
  'MessagesDeferred',
  'EventsWritten',
  'EventsUpdated',
  'MentionsWritten',
  'ChangesPublished',
  'ChangesFailed',
] as const;
export type MetricName = (typeof METRICS)[number];

/**
 * What a stage tells the world: structured log lines and counters. Lambda handlers back it with Powertools
 * logger and metrics; the local runner with its progress display.
 */
export interface StageObserver {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  count(metric: MetricName, value?: number): void;
}

export const silentObserver: StageObserver = { info: () => undefined, warn: () => undefined, count: () => undefined };
