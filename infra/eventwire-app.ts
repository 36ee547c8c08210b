import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type InfraConfig, readInfraConfig } from './config.js';
import { loadFeedList } from './feed-list.js';
import { EventwireStack } from './stack.js';

export interface EventwireApp {
  readonly app: App;
  readonly stack: EventwireStack;
  readonly config: InfraConfig;
}

/**
 * Builds the CDK app: reads the context once (failing fast on bad values), loads the feed list, creates the
 * stack and registers the cdk-nag AWS Solutions checks, which fail synthesis on any unacknowledged finding.
 * infra/app.ts and the infra tests both build the app here, so the tests check what is deployed.
 */
export function createEventwireApp(props: AppProps = {}): EventwireApp {
  const app = new App(props);
  const config = readInfraConfig(app.node);
  const feedList = loadFeedList(config.feedsFile);
  const stack = new EventwireStack(app, config.stackName, {
    stackName: config.stackName,
    description: 'eventwire: news feeds to structured political event data',
    config,
    feedList,
    // Environment-agnostic: synth needs no AWS credentials and no lookups.
  });
  Tags.of(stack).add('project', 'eventwire');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack, config };
}
