import { marshall } from '@aws-sdk/util-dynamodb';
import { Match } from 'aws-cdk-lib/assertions';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED_KINDS } from '../../infra/constructs/downstream.js';
import type { EventwireFunction } from '../../infra/constructs/eventwire-function.js';
import { loadFeedList } from '../../infra/feed-list.js';
import { FUNCTION_IDS, type FunctionId } from '../../infra/functions.js';
import { toChangeEvent } from '../../src/changes/change-events.js';
import { ENV } from '../../src/config/env-names.js';
import { storedArticleCodedItem, storedEventItem } from '../helpers/stored-items.js';
import { idOf, resourcesOf, type Synthesized, synthesize } from './support/synth.js';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

function functionOf(id: FunctionId): EventwireFunction {
  const { pipeline, downstream, readApi } = synth.stack;
  if (id === 'publish-changes') return downstream.publisher;
  if (id === 'api') return readApi.handler;
  return pipeline.functions[id];
}

function propsOf(id: FunctionId): Record<string, unknown> & { Environment: { Variables: Record<string, unknown> } } {
  return synth.template.toJSON().Resources[idOf(functionOf(id).fn)].Properties;
}

describe('functions', () => {
  it('creates exactly the six pipeline functions', () => {
    expect(Object.keys(resourcesOf(synth.template, 'AWS::Lambda::Function'))).toHaveLength(FUNCTION_IDS.length);
  });

  it.each(FUNCTION_IDS)('runs %s on Node.js 24 / arm64 with active tracing and Powertools settings', (id) => {
    const props = propsOf(id);

    expect(props).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
    });
    expect(props.Environment.Variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: id,
      POWERTOOLS_METRICS_NAMESPACE: 'eventwire',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
    });
  });

  it.each(FUNCTION_IDS)('logs %s to its own log group with the configured retention', (id) => {
    const f = functionOf(id);
    const logGroup = synth.template.toJSON().Resources[idOf(f.logGroup)];

    expect(propsOf(id).LoggingConfig).toEqual({ LogGroup: { Ref: idOf(f.logGroup) } });
    expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  it('gives code-events the configured memory', () => {
    expect(propsOf('code-events').MemorySize).toBe(1024);
    expect(
      synthesize({ codeEventsMemoryMb: '2048' }).stack.pipeline.functions['code-events'].fn.node.defaultChild,
    ).toMatchObject({ memorySize: 2048 });
  });

  it('names each resource a function uses in its environment', () => {
    const { stack } = synth;
    const ref = (c: Parameters<typeof idOf>[0]) => ({ Ref: idOf(c) });
    const queueUrl = (q: keyof typeof stack.pipeline.queues) => ref(stack.pipeline.queues[q].queue);

    expect(propsOf('schedule-feeds').Environment.Variables).toMatchObject({
      [ENV.feedListParameter]: ref(stack.pipeline.feedListParameter),
      [ENV.feedsTable]: ref(stack.store.tables.feeds),
      [ENV.feedQueueUrl]: queueUrl('feed'),
    });
    expect(propsOf('fetch-feed').Environment.Variables).toMatchObject({
      [ENV.feedsTable]: ref(stack.store.tables.feeds),
      [ENV.articlesTable]: ref(stack.store.tables.articles),
      [ENV.stateTable]: ref(stack.store.tables.state),
      [ENV.articleQueueUrl]: queueUrl('article'),
      [ENV.feedQueueUrl]: queueUrl('feed'),
      [ENV.hostIntervalMs]: '1000',
    });
    expect(propsOf('fetch-article').Environment.Variables).toMatchObject({
      [ENV.bucket]: ref(stack.store.bucket),
      [ENV.articlesTable]: ref(stack.store.tables.articles),
      [ENV.stateTable]: ref(stack.store.tables.state),
      [ENV.codeQueueUrl]: queueUrl('code'),
      [ENV.articleQueueUrl]: queueUrl('article'),
    });
    expect(propsOf('code-events').Environment.Variables).toMatchObject({
      [ENV.bucket]: ref(stack.store.bucket),
      [ENV.articlesTable]: ref(stack.store.tables.articles),
      [ENV.eventsTable]: ref(stack.store.tables.events),
      [ENV.codeQueueUrl]: queueUrl('code'),
    });
    expect(propsOf('publish-changes').Environment.Variables).toMatchObject({
      [ENV.eventBusName]: ref(stack.downstream.bus),
    });
    expect(propsOf('api').Environment.Variables).toMatchObject({
      [ENV.eventsTable]: ref(stack.store.tables.events),
      [ENV.articlesTable]: ref(stack.store.tables.articles),
    });
  });
});

describe('triggers', () => {
  it('runs schedule-feeds every scheduleMinutes through EventBridge Scheduler without retries', () => {
    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: {
        Arn: { 'Fn::GetAtt': [idOf(functionOf('schedule-feeds').fn), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 0 },
      },
    });
    synthesize({ scheduleMinutes: '15' }).template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
    });
  });

  it.each([
    ['feed', 'fetch-feed', 5, 2],
    ['article', 'fetch-article', 5, 5],
    ['code', 'code-events', 10, 5],
  ] as const)(
    'feeds the %s queue to %s with partial batch failures and bounded concurrency',
    (queue, consumer, batchSize, concurrency) => {
      synth.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [idOf(synth.stack.pipeline.queues[queue].queue), 'Arn'] },
        FunctionName: { Ref: idOf(functionOf(consumer).fn) },
        BatchSize: batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: concurrency },
      });
    },
  );

  it('streams event table changes to publish-changes with bisection and a failure queue', () => {
    const { stack } = synth;

    synth.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [idOf(stack.store.tables.events), 'StreamArn'] },
      FunctionName: { Ref: idOf(stack.downstream.publisher.fn) },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [idOf(stack.downstream.failedChanges), 'Arn'] } },
      },
    });
  });
});

type StreamImage = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

describe('events stream filter', () => {
  const itemOf = (kind: string): Record<string, unknown> =>
    kind === 'event'
      ? storedEventItem()
      : kind === 'article-coded'
        ? storedArticleCodedItem()
        : { pk: 'P', sk: 'S', kind };
  const record = (kind: string): DynamoDBRecord => ({
    eventName: 'INSERT',
    // The SDK's and the Lambda event's AttributeValue types describe the same JSON.
    dynamodb: { NewImage: marshall(itemOf(kind), { convertClassInstanceToMap: false }) as StreamImage },
  });

  it('lets through exactly the item kinds publish-changes publishes', () => {
    for (const kind of ['event', 'article-coded', 'mention']) {
      const published = toChangeEvent(record(kind)) !== null;
      expect(PUBLISHED_KINDS.includes(kind as (typeof PUBLISHED_KINDS)[number]), kind).toBe(published);
    }
  });

  it('filters the stream before it invokes publish-changes', () => {
    const mapping = Object.values(resourcesOf(synth.template, 'AWS::Lambda::EventSourceMapping')).find(
      (m) => m.Properties?.StartingPosition,
    );
    const patterns = (mapping!.Properties!.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map((f) =>
      JSON.parse(f.Pattern),
    );

    expect(patterns).toEqual([{ dynamodb: { NewImage: { kind: { S: [...PUBLISHED_KINDS] } } } }]);
  });
});

describe('downstream', () => {
  it('creates the eventwire-events bus and lets only publish-changes put events on it', () => {
    const { template, stack } = synth;

    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'eventwire-events' });
    const putters = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes('events:PutEvents'),
    );
    expect(putters).toHaveLength(1);
    expect(JSON.stringify(putters[0])).toContain(idOf(stack.downstream.publisher.role));
  });

  it('publishes the outputs downstream services need', () => {
    const outputs = Object.keys(synth.template.toJSON().Outputs as object);

    expect(outputs).toEqual(
      expect.arrayContaining([
        'EventBusName',
        'EventBusArn',
        'EventsTableName',
        'EventsTableArn',
        'EventsIndexNames',
        'BucketName',
        'ApiUrl',
        'ReadOnlyPolicyArn',
      ]),
    );
    synth.template.hasOutput('EventsIndexNames', { Value: 'bySource,byTarget,byType,byLocation,byChanged' });
  });

  it('stores the feed list file in the SSM parameter', () => {
    const parameter = Object.values(resourcesOf(synth.template, 'AWS::SSM::Parameter'))[0];

    expect(parameter?.Properties?.Value).toBe(loadFeedList('config/feeds.example.json').json);
    expect(parameter?.Properties).toMatchObject({ Type: 'String', Tier: 'Standard' });
  });
});

describe('read API', () => {
  it('requires AWS_IAM authorization on every method and offers only GET', () => {
    const methods = Object.values(resourcesOf(synth.template, 'AWS::ApiGateway::Method'));

    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      expect(method.Properties).toMatchObject({ AuthorizationType: 'AWS_IAM', HttpMethod: 'GET' });
    }
    synth.template.resourceCountIs('AWS::ApiGateway::Resource', 1);
    synth.template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{proxy+}' });
  });

  it('throttles, traces and access-logs the stage', () => {
    synth.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
      MethodSettings: Match.arrayWith([
        Match.objectLike({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20, DataTraceEnabled: false }),
      ]),
    });
  });
});
