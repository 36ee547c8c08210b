export {
  type AppConfig,
  AppConfigSchema,
  bucketName,
  type LocalConfig,
  loadConfigFromEnv,
  localConfig,
  type TableId,
  tableName,
} from './config.js';
export { ENV, type EnvName } from './env-names.js';
export { ConfigError } from './errors.js';
export { type FeedList, FeedListSchema, parseFeedList } from './feed-list.js';
