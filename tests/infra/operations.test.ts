import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/stages/observer.js';
import { idOf, resourcesOf, type Synthesized, synthesize } from './support/synth.js';

let synth: Synthesized;
let alarms: Record<string, unknown>[];
beforeAll(() => {
  synth = synthesize();
  alarms = Object.values(resourcesOf(synth.template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties ?? {});
});

/** Alarms on a metric whose dimensions reference the given resource. */
function alarmsOn(metricName: string, resourceId: string): Record<string, unknown>[] {
  return alarms.filter((a) => a.MetricName === metricName && JSON.stringify(a.Dimensions).includes(`"${resourceId}"`));
}

describe('alarm topic', () => {
  it('is encrypted with a rotating key that CloudWatch may use for this account only', () => {
    const { template, stack } = synth;

    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: idOf(stack.operations.topic) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('gets an email subscription only when alarmEmail is set', () => {
    synth.template.resourceCountIs('AWS::SNS::Subscription', 0);

    synthesize({ alarmEmail: 'ops@example.org' }).template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
  });
});

describe('alarms', () => {
  it('notify the alarm topic, every one of them', () => {
    const topic = { Ref: idOf(synth.stack.operations.topic) };

    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([topic]);
  });

  it('fire on the first message in every dead-letter queue', () => {
    const { stack } = synth;
    const deadLetterQueues = [
      ...Object.values(stack.pipeline.queues).map((q) => q.deadLetterQueue),
      stack.downstream.failedChanges,
    ];

    for (const dlq of deadLetterQueues) {
      expect(alarmsOn('ApproximateNumberOfMessagesVisible', idOf(dlq)), idOf(dlq)).toEqual([
        expect.objectContaining({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' }),
      ]);
    }
  });

  it('fire when a stage queue falls behind by queueAgeAlarmSeconds', () => {
    const custom = synthesize({ queueAgeAlarmSeconds: '600' });

    for (const q of Object.values(synth.stack.pipeline.queues)) {
      expect(alarmsOn('ApproximateAgeOfOldestMessage', idOf(q.queue))).toEqual([
        expect.objectContaining({ Threshold: 3600 }),
      ]);
    }
    custom.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Threshold: 600,
    });
  });

  it('cover every queue of the stack', () => {
    for (const id of Object.keys(resourcesOf(synth.template, 'AWS::SQS::Queue'))) {
      expect(
        alarms.some((a) => JSON.stringify(a.Dimensions).includes(`"${id}"`)),
        id,
      ).toBe(true);
    }
  });

  it('fire on any error or throttle of every function', () => {
    for (const id of Object.keys(resourcesOf(synth.template, 'AWS::Lambda::Function'))) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(alarmsOn(metric, id), `${metric} ${id}`).toEqual([
          expect.objectContaining({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' }),
        ]);
      }
    }
  });

  it('fire when event changes lag behind on the stream', () => {
    expect(alarmsOn('IteratorAge', idOf(synth.stack.downstream.publisher.fn))).toEqual([
      expect.objectContaining({ Threshold: 3_600_000 }),
    ]);
  });
});

describe('dashboard', () => {
  it('shows throughput, errors, duration percentiles and every counter the stages emit', () => {
    const dashboards = Object.values(resourcesOf(synth.template, 'AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboards[0]?.Properties?.DashboardBody);

    expect(dashboards).toHaveLength(1);
    for (const text of ['Invocations', 'NumberOfMessagesSent', 'Errors', 'p50', 'p95'])
      expect(body, text).toContain(text);
    for (const metric of METRICS) expect(body, metric).toMatch(new RegExp(`MetricName=\\W+${metric}\\W`));
  });
});
