export { scheduleDueFeeds } from './schedule-feeds.js';
export { fetchFeed, type FeedFetchOutcome } from './fetch-feed.js';
export { fetchArticle, type ArticleOutcome } from './fetch-article.js';
export { codeArticle, codedKeyOf, type CodeOutcome } from './code-events.js';
export type { StageDeps, ScheduleDeps, FetchFeedDeps, FetchArticleDeps, CodeDeps } from './deps.js';
export { METRICS, silentObserver, type MetricName, type StageObserver } from './observer.js';
export { UnknownItemError, NotReadyError } from './errors.js';
