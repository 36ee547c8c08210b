export { AppConfigSchema, loadConfigFromEnv, localConfig, tableName, bucketName, type AppConfig, type LocalConfig, type TableId } from './config.js';
export { ENV, type EnvName } from './env-names.js';
export { ConfigError } from './errors.js';
export { parseFeedList, FeedListSchema, type FeedList } from './feed-list.js';
