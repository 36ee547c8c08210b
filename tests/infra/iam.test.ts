import { beforeAll, describe, expect, it } from 'vitest';
import type { EventwireFunction } from '../../infra/constructs/eventwire-function.js';
import { idOf, resourcesOf, type Synthesized, synthesize } from './support/synth.js';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

let synth: Synthesized;
let resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
beforeAll(() => {
  synth = synthesize();
  resources = synth.template.toJSON().Resources;
});

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement of every identity policy (inline and managed) in the stack. */
function allStatements(): { policy: string; statement: Statement }[] {
  const policies = {
    ...resourcesOf(synth.template, 'AWS::IAM::Policy'),
    ...resourcesOf(synth.template, 'AWS::IAM::ManagedPolicy'),
  };
  return Object.entries(policies).flatMap(([policy, r]) =>
    list((r.Properties!.PolicyDocument as { Statement: Statement | Statement[] }).Statement).map((statement) => ({
      policy,
      statement,
    })),
  );
}

/** The statements of one function's role. */
function statementsOf(f: EventwireFunction): Statement[] {
  const roleId = idOf(f.role);
  return Object.values(resourcesOf(synth.template, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties?.Roles).includes(`"${roleId}"`))
    .flatMap((p) => list((p.Properties!.PolicyDocument as { Statement: Statement | Statement[] }).Statement));
}

/** Logical ids of template resources referenced anywhere inside a value. */
function referencedIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const json = JSON.stringify(value ?? null);
  for (const id of Object.keys(resources)) if (json.includes(`"${id}"`)) ids.add(id);
  return ids;
}

function actionsOn(f: EventwireFunction, resourceId: string): string[] {
  return statementsOf(f)
    .filter((s) => referencedIds(s.Resource).has(resourceId))
    .flatMap((s) => list(s.Action))
    .sort();
}

const EVENT_SOURCE_ACTIONS = new Set([
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
]);

const allFunctions = (): EventwireFunction[] => [
  ...Object.values(synth.stack.pipeline.functions),
  synth.stack.downstream.publisher,
  synth.stack.readApi.handler,
];

describe('IAM policies', () => {
  it('use Resource "*" only for actions that support no resource-level permission', () => {
    const starActions = new Set(
      allStatements()
        .filter(({ statement }) => list(statement.Resource).includes('*'))
        .flatMap(({ statement }) => list(statement.Action)),
    );

    expect([...starActions].sort()).toEqual([
      'dynamodb:ListStreams',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });

  it('name every other resource they grant on', () => {
    for (const { policy, statement } of allStatements()) {
      for (const resource of list(statement.Resource)) {
        if (resource === '*') continue;
        expect(referencedIds(resource).size, `${policy}: ${JSON.stringify(resource)}`).toBeGreaterThan(0);
      }
    }
  });

  it('never grant wildcard actions', () => {
    const wildcards = allStatements()
      .flatMap(({ statement }) => list(statement.Action))
      .filter((a) => a.includes('*'));

    expect(wildcards).toEqual([]);
  });

  it('give every function role only its own log group and no managed policy', () => {
    for (const f of allFunctions()) {
      const role = resources[idOf(f.role)];
      expect(role?.Properties.ManagedPolicyArns, f.spec.id).toBeUndefined();
      expect(JSON.stringify(role?.Properties.AssumeRolePolicyDocument)).toContain('lambda.amazonaws.com');
      const logStatements = statementsOf(f).filter((s) => list(s.Action).some((a) => a.startsWith('logs:')));
      expect(
        logStatements.map((s) => [...referencedIds(s.Resource)]),
        f.spec.id,
      ).toEqual([[idOf(f.logGroup)]]);
    }
  });

  it('grant a permission on every resource a function names in its environment, and name every store it may use', () => {
    const { stack } = synth;
    const stores = new Set(
      [
        ...Object.values(stack.store.tables),
        stack.store.bucket,
        stack.downstream.bus,
        stack.pipeline.feedListParameter,
      ].map(idOf),
    );
    const sendQueues = new Set(Object.values(stack.pipeline.queues).map((q) => idOf(q.queue)));
    for (const f of allFunctions()) {
      const env = (resources[idOf(f.fn)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const named = new Set(
        Object.entries(env)
          .filter(([k]) => k.startsWith('EVENTWIRE_'))
          .flatMap(([, v]) => [...referencedIds(v)]),
      );
      const permitted = new Set(statementsOf(f).flatMap((s) => [...referencedIds(s.Resource)]));
      // Event source plumbing (stream and queue reads) is done by the Lambda service for the function: no variable.
      const used = new Set(
        statementsOf(f)
          .filter((s) => list(s.Action).some((a) => !EVENT_SOURCE_ACTIONS.has(a)))
          .flatMap((s) => [...referencedIds(s.Resource)]),
      );
      for (const id of named) expect(permitted.has(id), `${f.spec.id} names ${id} without permission`).toBe(true);
      const sentTo = statementsOf(f)
        .filter((s) => list(s.Action).includes('sqs:SendMessage'))
        .flatMap((s) => [...referencedIds(s.Resource)]);
      for (const id of [...used].filter((i) => stores.has(i) || (sendQueues.has(i) && sentTo.includes(i)))) {
        expect(named.has(id), `${f.spec.id} may use ${id} but has no variable naming it`).toBe(true);
      }
    }
  });

  it('let the API only query events and read articles', () => {
    const { stack } = synth;
    const api = stack.readApi.handler;

    expect(actionsOn(api, idOf(stack.store.tables.events))).toEqual(['dynamodb:Query']);
    expect(actionsOn(api, idOf(stack.store.tables.articles))).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    expect(
      statementsOf(api)
        .flatMap((s) => list(s.Action))
        .filter((a) => /Put|Update|Delete|Write|Scan/.test(a) && !a.startsWith('xray:') && !a.startsWith('logs:')),
    ).toEqual([]);
  });

  it('scope object access by key prefix: fetch-article writes raw/ and text/, code-events reads text/ and keeps coded/', () => {
    const { stack } = synth;
    const objectGrants = (f: EventwireFunction) => {
      const grants: Record<string, string[]> = {};
      for (const s of statementsOf(f)) {
        const prefixes = JSON.stringify(s.Resource).match(/\/(raw|text|coded)\/\*/g) ?? [];
        for (const action of list(s.Action).filter((a) => a === 's3:GetObject' || a === 's3:PutObject')) {
          grants[action] = [...(grants[action] ?? []), ...prefixes].sort();
        }
      }
      return grants;
    };

    expect(objectGrants(stack.pipeline.functions['fetch-article'])).toEqual({ 's3:PutObject': ['/raw/*', '/text/*'] });
    expect(objectGrants(stack.pipeline.functions['code-events'])).toEqual({
      's3:GetObject': ['/coded/*', '/text/*'],
      's3:PutObject': ['/coded/*'],
    });
  });

  it('offer downstream readers a managed policy limited to reading events, articles and text', () => {
    const { stack } = synth;
    const policy = resources[idOf(stack.downstream.readOnlyPolicy)];
    const statements = list((policy!.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

    expect(policy?.Properties.ManagedPolicyName).toBe('EventwireEventsReadOnly');
    expect(statements.flatMap((s) => list(s.Action)).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      's3:GetObject',
    ]);
    expect([...referencedIds(statements.map((s) => s.Resource))].sort()).toEqual(
      [idOf(stack.store.tables.events), idOf(stack.store.tables.articles), idOf(stack.store.bucket)].sort(),
    );
    expect(JSON.stringify(statements)).toContain('/text/*');
  });
});
