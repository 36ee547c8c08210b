/** Environment variable names read by the Lambda functions; the CDK app sets them, `loadConfig` reads them. */
export const ENV = {
  bucket: 'EVENTWIRE_BUCKET',
  feedsTable: 'EVENTWIRE_FEEDS_TABLE',
  articlesTable: 'EVENTWIRE_ARTICLES_TABLE',
  eventsTable: 'EVENTWIRE_EVENTS_TABLE',
  stateTable: 'EVENTWIRE_STATE_TABLE',
  feedQueueUrl: 'EVENTWIRE_FEED_QUEUE_URL',
  articleQueueUrl: 'EVENTWIRE_ARTICLE_QUEUE_URL',
  codeQueueUrl: 'EVENTWIRE_CODE_QUEUE_URL',
  eventBusName: 'EVENTWIRE_EVENT_BUS_NAME',
  feedListParameter: 'EVENTWIRE_FEED_LIST_PARAMETER',
  userAgent: 'EVENTWIRE_USER_AGENT',
  hostIntervalMs: 'EVENTWIRE_HOST_INTERVAL_MS',
} as const;
export type EnvName = (typeof ENV)[keyof typeof ENV];
