/**
 * Counters every stage reports, grouped as the dashboard graphs them; the names are also the CloudWatch metric
 * names.
 */
export const METRIC_GROUPS = {
  feeds: ['FeedsScheduled', 'FeedsFetched', 'FeedsNotModified', 'FeedsFailed', 'FeedItems'],
  articles: [
    'ArticlesDiscovered',
    'ArticlesStored',
    'ArticlesDuplicate',
    'ArticlesDemoted',
    'ArticlesSkipped',
    'ArticlesFailed',
    'ArticlesRetried',
    'ArticlesCoded',
    'MessagesDeferred',
  ],
  events: ['EventsWritten', 'EventsUpdated', 'MentionsWritten'],
  changes: ['ChangesPublished', 'ChangesFailed'],
} as const;
export const METRICS = Object.values(METRIC_GROUPS).flat();
export type MetricName = (typeof METRIC_GROUPS)[keyof typeof METRIC_GROUPS][number];

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
