import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { ParameterTier, StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import type { InfraConfig } from '../config.js';
import { type LoadedFeedList, STANDARD_PARAMETER_BYTES } from '../feed-list.js';
import { FUNCTION_SPECS, type FunctionId } from '../functions.js';
import { acknowledge, wildcardArnFinding } from '../nag.js';
import { pascalCase } from '../naming.js';
import { BUCKET_PREFIXES, type DataStore } from './data-store.js';
import { EventwireFunction } from './eventwire-function.js';
import { consumes, fetchSettings, readsFeedList, sendsTo, useBucket, useTable } from './grants.js';
import { type QueueId, StageQueue } from './stage-queue.js';

export interface PipelineProps {
  readonly config: InfraConfig;
  readonly store: DataStore;
  readonly feedList: LoadedFeedList;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/** A short wait lets SQS hand over fuller batches without delaying the pipeline noticeably. */
const BATCHING_WINDOW = Duration.seconds(5);

/**
 * The ingest pipeline: a schedule starts schedule-feeds, which sends due feeds to the feed queue; each
 * stage consumes one queue and feeds the next (feed -> article -> code). Politeness across concurrent
 * invocations is the per-host gate in the state table, not the queues.
 */
export class Pipeline extends Construct {
  readonly functions: Readonly<Record<Exclude<FunctionId, 'publish-changes' | 'api'>, EventwireFunction>>;
  readonly queues: Readonly<Record<QueueId, StageQueue>>;
  readonly feedListParameter: StringParameter;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: PipelineProps) {
    super(scope, id);
    const { config, store } = props;
    const fn = (fid: FunctionId, memoryMb?: number) =>
      new EventwireFunction(this, pascalCase(fid), {
        spec: FUNCTION_SPECS[fid],
        ...(memoryMb ? { memoryMb } : {}),
        logRetention: props.logRetention,
        logLevel: config.logLevel,
        removalPolicy: props.removalPolicy,
      });
    const scheduleFeeds = fn('schedule-feeds');
    const fetchFeed = fn('fetch-feed');
    const fetchArticle = fn('fetch-article');
    const codeEvents = fn('code-events', config.codeEventsMemoryMb);
    this.functions = {
      'schedule-feeds': scheduleFeeds,
      'fetch-feed': fetchFeed,
      'fetch-article': fetchArticle,
      'code-events': codeEvents,
    };

    const queue = (consumer: EventwireFunction, qid: QueueId) =>
      new StageQueue(this, `${pascalCase(qid)}Queue`, {
        consumerTimeout: consumer.timeout,
        maxBatchingWindow: BATCHING_WINDOW,
        maxReceiveCount: config.maxReceiveCount,
      });
    this.queues = {
      feed: queue(fetchFeed, 'feed'),
      article: queue(fetchArticle, 'article'),
      code: queue(codeEvents, 'code'),
    };

    this.feedListParameter = new StringParameter(this, 'FeedList', {
      description: 'eventwire feed list: JSON array of {url, name?, poll_minutes?}',
      stringValue: props.feedList.json,
      // The Standard tier holds 4 KB; longer lists need (and pay for) the Advanced tier.
      tier: props.feedList.bytes > STANDARD_PARAMETER_BYTES ? ParameterTier.ADVANCED : ParameterTier.STANDARD,
    });

    this.wireStages(config, store);
    this.schedule = this.scheduleRuns(scheduleFeeds, config.scheduleMinutes);
  }

  private wireStages(config: InfraConfig, store: DataStore): void {
    const {
      'schedule-feeds': scheduleFeeds,
      'fetch-feed': fetchFeed,
      'fetch-article': fetchArticle,
      'code-events': codeEvents,
    } = this.functions;
    const { tables, bucket } = store;
    // A consumer also sends to its own queue: a message that must wait (a busy host, Retry-After, a first copy
    // not coded yet) is sent again with a delay and the original acknowledged (src/queue/deferral.ts).
    const consume = (f: EventwireFunction, qid: QueueId, batchSize: number, maxConcurrency: number) => {
      consumes(f, this.queues[qid].queue, { batchSize, maxBatchingWindow: BATCHING_WINDOW, maxConcurrency });
      sendsTo(f, qid, this.queues[qid].queue);
    };

    readsFeedList(scheduleFeeds, this.feedListParameter);
    useTable(scheduleFeeds, 'feeds', tables.feeds, 'readWrite');
    sendsTo(scheduleFeeds, 'feed', this.queues.feed.queue);

    consume(fetchFeed, 'feed', config.feedBatchSize, config.feedConcurrency);
    useTable(fetchFeed, 'feeds', tables.feeds, 'readWrite');
    // New items are recorded as pending articles before they are enqueued.
    useTable(fetchFeed, 'articles', tables.articles, 'readWrite');
    useTable(fetchFeed, 'state', tables.state, 'readWrite');
    sendsTo(fetchFeed, 'article', this.queues.article.queue);
    fetchSettings(fetchFeed, config);

    consume(fetchArticle, 'article', config.articleBatchSize, config.articleConcurrency);
    useBucket(fetchArticle, bucket, { write: [BUCKET_PREFIXES.raw, BUCKET_PREFIXES.text] });
    useTable(fetchArticle, 'articles', tables.articles, 'readWrite');
    useTable(fetchArticle, 'state', tables.state, 'readWrite');
    sendsTo(fetchArticle, 'code', this.queues.code.queue);
    fetchSettings(fetchArticle, config);

    consume(codeEvents, 'code', config.codeBatchSize, config.codeConcurrency);
    // Reads article text; writes the coded article, and reads it back for later copies of the same article.
    useBucket(codeEvents, bucket, {
      read: [BUCKET_PREFIXES.text, BUCKET_PREFIXES.coded],
      write: [BUCKET_PREFIXES.coded],
    });
    useTable(codeEvents, 'articles', tables.articles, 'readWrite');
    useTable(codeEvents, 'events', tables.events, 'readWrite');
  }

  /**
   * Runs schedule-feeds every few minutes. A missed run is harmless (the next one picks up every due feed),
   * so neither Scheduler nor Lambda retries it: a retry could only overlap the next run.
   */
  private scheduleRuns(target: EventwireFunction, minutes: number): Schedule {
    target.fn.configureAsyncInvoke({ retryAttempts: 0 });
    const role = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'EventBridge Scheduler: invoke schedule-feeds',
    });
    // LambdaInvoke grants the function ARN and its versions/aliases (arn:*); only this function.
    acknowledge(
      role,
      wildcardArnFinding(target.fn, ':*'),
      'Invoke permission on this one function and its versions/aliases (function-arn:*), granted by LambdaInvoke.',
    );
    return new Schedule(this, 'Schedule', {
      description: `Runs schedule-feeds every ${minutes} minutes`,
      schedule: ScheduleExpression.rate(Duration.minutes(minutes)),
      target: new LambdaInvoke(target.fn, {
        input: ScheduleTargetInput.fromObject({ source: 'eventwire.schedule' }),
        role,
        retryAttempts: 0,
        maxEventAge: Duration.minutes(Math.max(1, minutes)),
      }),
    });
  }
}
