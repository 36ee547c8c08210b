export { BUNDLE, cdkBundlingOptions, esbuildBuildOptions, SHIPPED_PACKAGES, shipPackages } from './bundling.js';
export {
  INFRA_CONFIG_KEYS,
  type InfraConfig,
  type InfraConfigKey,
  InfraConfigSchema,
  readInfraConfig,
} from './config.js';
export { BUCKET_PREFIXES, DataStore, type TableId } from './constructs/data-store.js';
export { Downstream, PUBLISHED_KINDS } from './constructs/downstream.js';
export {
  EventwireFunction,
  type EventwireFunctionProps,
  FUNCTION_RUNTIME,
  METRICS_NAMESPACE,
} from './constructs/eventwire-function.js';
export {
  type BucketAccess,
  consumes,
  fetchSettings,
  publishesTo,
  readsFeedList,
  sendsTo,
  type TableAccess,
  useBucket,
  useTable,
} from './constructs/grants.js';
export { type QueueId, StageQueue, visibilityTimeoutFor } from './constructs/stage-queue.js';
export { FeedListError, InfraConfigError, InfraError } from './errors.js';
export { createEventwireApp, type EventwireApp } from './eventwire-app.js';
export { type FeedList, FeedListEntrySchema, FeedListSchema, type LoadedFeedList, loadFeedList } from './feed-list.js';
export { entryOf, FUNCTION_IDS, FUNCTION_SPECS, type FunctionId, type FunctionSpec } from './functions.js';
export { EventwireStack, type EventwireStackProps } from './stack.js';
