import { beforeAll, describe, expect, it } from 'vitest';
import type { EventwireFunction } from '../../infra/constructs/eventwire-function.js';
import { BACKFILL_ENV } from '../../src/backfill/env.js';
import { ENV } from '../../src/config/env-names.js';
import { unacknowledgedFindings } from './support/nag.js';
import { idOf, resourcesOf, type Synthesized, synthesize } from './support/synth.js';

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ backfill: 'true', backfillConcurrency: '40', backfillToleratedFailurePercent: '10' });
});

function backfillOf(s: Synthesized) {
  if (!s.stack.backfill) throw new Error('the backfill construct is missing');
  return s.stack.backfill;
}

function statementsOf(f: EventwireFunction): Statement[] {
  const roleId = idOf(f.role);
  return Object.values(resourcesOf(synth.template, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties?.Roles).includes(`"${roleId}"`))
    .flatMap((p) => list((p.Properties!.PolicyDocument as { Statement: Statement | Statement[] }).Statement));
}

/** The state machine's definition, with CloudFormation's Fn::Join of tokens flattened to text. */
function definition(): Record<string, unknown> & { States: Record<string, Record<string, unknown>> } {
  const [machine] = Object.values(resourcesOf(synth.template, 'AWS::StepFunctions::StateMachine'));
  const join = machine?.Properties?.DefinitionString as { 'Fn::Join': [string, unknown[]] };
  const text = join['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : '"TOKEN"')).join('');
  return JSON.parse(text.replace(/""TOKEN""/g, '"TOKEN"').replace(/"TOKEN"(?=[^,}\]])/g, 'TOKEN'));
}

describe('the archive backfill construct', () => {
  it('is not deployed by default: no state machine, no backfill functions', () => {
    const plain = synthesize();

    expect(plain.stack.backfill).toBeNull();
    expect(Object.keys(resourcesOf(plain.template, 'AWS::StepFunctions::StateMachine'))).toEqual([]);
    expect(JSON.stringify(plain.template.toJSON())).not.toContain('backfill-worker');
  });

  it('synthesizes with cdk-nag reporting nothing unacknowledged', () => {
    expect(unacknowledgedFindings(synth.app)).toEqual([]);
  });

  it('plans, then maps each byte range to a Standard child that loops the worker until its range is done', () => {
    const states = definition().States;
    const ranges = states.Ranges as Record<string, unknown> & {
      ItemProcessor: { ProcessorConfig: unknown; StartAt: string; States: Record<string, Record<string, unknown>> };
    };

    expect(Object.keys(states)).toEqual(['Job', 'Plan', 'Ranges']);
    expect(ranges.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(ranges.ItemProcessor.StartAt).toBe('Work');
    expect(ranges.ItemProcessor.States['RangeDone?']).toMatchObject({
      Choices: [{ Variable: '$.done', BooleanEquals: true, Next: 'RangeDone' }],
      Default: 'Work',
    });
  });

  it('bounds concurrency, tolerates a share of failed ranges, and writes each range result to S3', () => {
    const ranges = definition().States.Ranges as Record<string, unknown>;

    expect(ranges.MaxConcurrency).toBe(40);
    expect(ranges.ToleratedFailurePercentage).toBe(10);
    expect(ranges.ItemReader).toMatchObject({
      Resource: expect.stringMatching(/:states:::s3:getObject$/),
      ReaderConfig: { InputType: 'JSON' },
    });
    expect(ranges.ResultWriter).toMatchObject({ Resource: expect.stringMatching(/:states:::s3:putObject$/) });
    expect(JSON.stringify(ranges.ResultWriter)).toContain('results/');
    expect(ranges.ItemSelector).toEqual({ 'job.$': '$.job', 'range.$': '$$.Map.Item.Value' });
  });

  it('retries a failed worker invocation with backoff before the range counts as failed', () => {
    const work = (definition().States.Ranges as { ItemProcessor: { States: Record<string, { Retry?: unknown[] }> } })
      .ItemProcessor.States.Work;

    expect(work?.Retry).toContainEqual(
      expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 2, IntervalSeconds: 30, BackoffRate: 2 }),
    );
  });

  it('gives the worker 15 minutes, the configured memory, and the stores of fetch-article and code-events', () => {
    const worker = backfillOf(synth).worker;
    const props = synth.template.toJSON().Resources[idOf(worker.fn)].Properties;

    expect(props.Timeout).toBe(900);
    expect(props.MemorySize).toBe(2048);
    expect(Object.keys(props.Environment.Variables)).toEqual(
      expect.arrayContaining([ENV.articlesTable, ENV.eventsTable, ENV.bucket, ENV.codeQueueUrl]),
    );
    expect(Object.keys(props.Environment.Variables)).not.toContain(ENV.stateTable);
  });

  it('lets the worker read archives only under the configured source prefix, and never write there', () => {
    const statements = statementsOf(backfillOf(synth).worker);
    const onArchives = statements.filter((s) => JSON.stringify(s.Resource).includes('commoncrawl'));

    expect(onArchives.flatMap((s) => list(s.Action))).toEqual(['s3:GetObject']);
    expect(JSON.stringify(onArchives[0]?.Resource)).toContain(':s3:::commoncrawl/crawl-data/CC-NEWS/*');
    expect(statements.flatMap((s) => list(s.Action))).not.toContain('dynamodb:Scan');
  });

  it('lets the plan list only the source prefix and write only plans, and names both in its environment', () => {
    const plan = backfillOf(synth).plan;
    const statements = statementsOf(plan);
    const listing = statements.find((s) => list(s.Action).includes('s3:ListBucket'));
    const env = synth.template.toJSON().Resources[idOf(plan.fn)].Properties.Environment.Variables;

    expect(listing?.Condition).toEqual({ StringLike: { 's3:prefix': ['crawl-data/CC-NEWS/*'] } });
    expect(JSON.stringify(statements.find((s) => list(s.Action).includes('s3:PutObject'))?.Resource)).toContain(
      '/plans/*',
    );
    expect(env[BACKFILL_ENV.source]).toBe('commoncrawl/crawl-data/CC-NEWS/');
    expect(env[BACKFILL_ENV.rangeBytes]).toBe(String(32 * 1024 * 1024));
  });

  it('reads archives from another bucket and prefix when the context names them', () => {
    const other = synthesize({ backfill: 'true', backfillSourceBucket: 'my-archive', backfillSourcePrefix: 'warc/' });
    const worker = backfillOf(other).worker;
    const text = JSON.stringify(other.template.toJSON());

    expect(text).toContain(':s3:::my-archive/warc/*');
    expect(text).not.toContain('commoncrawl');
    expect(unacknowledgedFindings(other.app)).toEqual([]);
    expect(worker).toBeDefined();
  });
});
