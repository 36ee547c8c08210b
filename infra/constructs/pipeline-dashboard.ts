import { Duration, Stack } from 'aws-cdk-lib';
import {
  Dashboard,
  GraphWidget,
  type HorizontalAnnotation,
  type IMetric,
  MathExpression,
  type MetricOptions,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRIC_GROUPS } from '../../src/stages/observer.js';
import type { ExecutionMetricName } from './backfill.js';
import { type EventwireFunction, METRICS_NAMESPACE } from './eventwire-function.js';
import { NEAR_TIMEOUT_SHARE, nearTimeoutMs } from './operations.js';

export interface PipelineDashboardProps {
  readonly functions: readonly EventwireFunction[];
  readonly queues: readonly { readonly name: string; readonly queue: Queue; readonly deadLetterQueue: Queue }[];
  /** The archive backfill (context `backfill=true`): rows of its own below the pipeline's. @default none */
  readonly backfill?: DashboardBackfill;
}

/** What the dashboard graphs of the backfill (the Backfill construct). */
export interface DashboardBackfill {
  readonly functions: readonly EventwireFunction[];
  readonly stateMachine: IStateMachine;
  /** Metrics of the map's child executions, one per byte range. */
  metricRanges(metricName: ExecutionMetricName, props?: MetricOptions): IMetric;
}

const PERIOD = Duration.minutes(5);
const WIDTH = 8;

/**
 * One dashboard for the pipeline: per-stage throughput (invocations, queue traffic), errors and dead
 * letters, duration p50/p95, and the feed/article/event counters the stages publish; with the backfill deployed,
 * its functions, executions and ranges below.
 */
export class PipelineDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PipelineDashboardProps) {
    super(scope, id);
    const { functions, queues } = props;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: Stack.of(this).stackName,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# eventwire pipeline\nschedule-feeds → feed queue → fetch-feed → article queue → fetch-article → code queue → code-events → events table → publish-changes → bus',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      graph('Invocations per stage', invocations(functions)),
      graph(
        'Messages sent per queue',
        queues.map((q) => q.queue.metricNumberOfMessagesSent({ period: PERIOD, label: q.name })),
      ),
      graph(
        'Messages waiting per queue',
        queues.map((q) =>
          q.queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label: q.name }),
        ),
      ),
    );
    this.dashboard.addWidgets(
      graph('Errors per stage', errors(functions)),
      graph('Throttles per stage', throttles(functions)),
      graph(
        'Dead letters',
        queues.map((q) =>
          q.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: PERIOD,
            statistic: 'Maximum',
            label: q.name,
          }),
        ),
      ),
    );
    this.dashboard.addWidgets(
      graph('Duration p50 (ms)', durations(functions, 'p50'), 12),
      graph('Duration p95 (ms)', durations(functions, 'p95'), 12),
    );
    this.dashboard.addWidgets(
      graph('Feed health', METRIC_GROUPS.feeds.map(customMetric)),
      graph('Articles', METRIC_GROUPS.articles.map(customMetric)),
      graph('Events and mentions', METRIC_GROUPS.events.map(customMetric)),
      graph('Bus events', METRIC_GROUPS.changes.map(customMetric)),
    );
    if (props.backfill) this.addBackfill(props.backfill);
  }

  /**
   * The backfill's functions as the pipeline's are graphed (their durations beside the near-timeout lines the
   * alarms use), its executions and the map's ranges. The articles and events it stores count in the graphs above.
   */
  private addBackfill(backfill: DashboardBackfill): void {
    const { functions, stateMachine } = backfill;
    const executions: readonly ExecutionMetricName[] = [
      'ExecutionsStarted',
      'ExecutionsSucceeded',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
    ];
    const nearTimeout: HorizontalAnnotation[] = functions.map((f) => ({
      value: nearTimeoutMs(f),
      label: `${f.spec.id} alarm (${NEAR_TIMEOUT_SHARE * 100}% of timeout)`,
    }));
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# archive backfill\nbackfill-plan → byte ranges in S3 → Distributed Map, one child per range → backfill-worker (fetch-article and code-events in-process) → results in S3',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      graph('Backfill invocations', invocations(functions)),
      graph('Backfill errors', errors(functions)),
      graph('Backfill throttles', throttles(functions)),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Backfill duration p95 and maximum (ms)',
        left: [...durations(functions, 'p95'), ...durations(functions, 'Maximum')],
        leftAnnotations: nearTimeout,
        width: WIDTH,
        height: 6,
      }),
      graph(
        'Backfill executions',
        executions.map((name) => stateMachine.metric(name, { period: PERIOD, statistic: 'Sum', label: name })),
      ),
      graph(
        'Backfill ranges (child executions)',
        executions.map((name) => backfill.metricRanges(name, { period: PERIOD, label: name })),
      ),
    );
  }
}

const invocations = (functions: readonly EventwireFunction[]): IMetric[] =>
  functions.map((f) => f.fn.metricInvocations({ period: PERIOD, label: f.spec.id }));
const errors = (functions: readonly EventwireFunction[]): IMetric[] =>
  functions.map((f) => f.fn.metricErrors({ period: PERIOD, label: f.spec.id }));
const throttles = (functions: readonly EventwireFunction[]): IMetric[] =>
  functions.map((f) => f.fn.metricThrottles({ period: PERIOD, label: f.spec.id }));
/** Duration per function at one statistic, labelled with the function (and `max` for the maximum). */
const durations = (functions: readonly EventwireFunction[], statistic: string): IMetric[] =>
  functions.map((f) =>
    f.fn.metricDuration({
      period: PERIOD,
      statistic,
      label: statistic === 'Maximum' ? `${f.spec.id} max` : f.spec.id,
    }),
  );

/**
 * A custom metric summed over every `service` dimension value. Powertools Metrics tags each data point with
 * the function's service name; the search adds them up without hard-coding which stage emits what.
 */
export function customMetric(name: string): IMetric {
  return new MathExpression({
    expression: `SUM(SEARCH('{${METRICS_NAMESPACE},service} MetricName="${name}"', 'Sum', ${PERIOD.toSeconds()}))`,
    usingMetrics: {},
    label: name,
    period: PERIOD,
  });
}

function graph(title: string, left: IMetric[], width = WIDTH): GraphWidget {
  return new GraphWidget({ title, left, width, height: 6 });
}
