import { Duration, Stack } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, type IMetric, MathExpression, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC_GROUPS } from '../../src/stages/observer.js';
import { type EventwireFunction, METRICS_NAMESPACE } from './eventwire-function.js';

export interface PipelineDashboardProps {
  readonly functions: readonly EventwireFunction[];
  readonly queues: readonly { readonly name: string; readonly queue: Queue; readonly deadLetterQueue: Queue }[];
}

const PERIOD = Duration.minutes(5);
const WIDTH = 8;

/**
 * One dashboard for the pipeline: per-stage throughput (invocations, queue traffic), errors and dead
 * letters, duration p50/p95, and the feed/article/event counters the stages publish.
 */
export class PipelineDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PipelineDashboardProps) {
    super(scope, id);
    const { functions, queues } = props;
    const perFunction = (f: (fn: EventwireFunction) => IMetric) => functions.map(f);
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
      graph(
        'Invocations per stage',
        perFunction((f) => f.fn.metricInvocations({ period: PERIOD, label: f.spec.id })),
      ),
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
      graph(
        'Errors per stage',
        perFunction((f) => f.fn.metricErrors({ period: PERIOD, label: f.spec.id })),
      ),
      graph(
        'Throttles per stage',
        perFunction((f) => f.fn.metricThrottles({ period: PERIOD, label: f.spec.id })),
      ),
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
      graph(
        'Duration p50 (ms)',
        perFunction((f) => f.fn.metricDuration({ period: PERIOD, statistic: 'p50', label: f.spec.id })),
        12,
      ),
      graph(
        'Duration p95 (ms)',
        perFunction((f) => f.fn.metricDuration({ period: PERIOD, statistic: 'p95', label: f.spec.id })),
        12,
      ),
    );
    this.dashboard.addWidgets(
      graph('Feed health', METRIC_GROUPS.feeds.map(customMetric)),
      graph('Articles', METRIC_GROUPS.articles.map(customMetric)),
      graph('Events and mentions', METRIC_GROUPS.events.map(customMetric)),
      graph('Bus events', METRIC_GROUPS.changes.map(customMetric)),
    );
  }
}

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
