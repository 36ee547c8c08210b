export { AppConfigSchema, loadConfigFromEnv, localConfig, type AppConfig } from './config.js';
export { ENV } from './env-names.js';
export { ConfigError } from './errors.js';
export { parseFeedList, FeedListSchema, type FeedList } from './feed-list.js';
