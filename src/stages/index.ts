export { type CodeOutcome, codeArticle } from './code-events.js';
export type { CodeDeps, FetchArticleDeps, FetchFeedDeps, ScheduleDeps, StageDeps } from './deps.js';
export { NotReadyError, UnknownItemError } from './errors.js';
export { type ArticleOutcome, fetchArticle } from './fetch-article.js';
export { type FeedFetchOutcome, fetchFeed } from './fetch-feed.js';
export { METRICS, type MetricName, type StageObserver, silentObserver } from './observer.js';
export { scheduleDueFeeds } from './schedule-feeds.js';
