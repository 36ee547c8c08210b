import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { PublishDeps } from '../../changes/publish.js';
import { type AppConfig, ConfigError, ENV, type EnvName } from '../../config/index.js';
import type { StageObserver } from '../../stages/observer.js';

/** What publish-changes cannot start without; the CDK app grants the bus and sets its variable together. */
export const PUBLISH_CHANGES_ENV: readonly EnvName[] = [ENV.eventBusName];

/** The composition root of the change publisher (events table stream -> bus). */
export function publishChangesDeps(config: AppConfig, bus: EventBridgeClient, observer: StageObserver): PublishDeps {
  if (!config.eventBusName) throw new ConfigError(`this function has no event bus configured (${ENV.eventBusName})`);
  return { bus, busName: config.eventBusName, observer };
}
