import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { synthesize } from './support/synth.js';

/** Findings of the AWS Solutions pack that no acknowledgement covers, as "rule at path". */
function unacknowledgedFindings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(scope);
  return report.violations.flatMap((v) =>
    v.violatingResources.map(
      (r) => `${v.ruleName} (${v.severity}) at ${r.constructPath ?? r.resourceLogicalId ?? '?'}`,
    ),
  );
}

/** Every acknowledgement recorded in the construct tree, with its reason. */
function acknowledgements(scope: IConstruct): { path: string; id: string; reason: string }[] {
  return scope.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) =>
          Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason })),
        ),
    );
}

describe('cdk-nag AWS Solutions checks', () => {
  // CDK's built-in CloudFormation validation also runs in `npm run synth` (cdk synth); it costs seconds, so not here.
  it('report nothing unacknowledged on the default stack, which synthesizes without warnings', () => {
    const { app, stack } = synthesize();

    expect(unacknowledgedFindings(app)).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('report nothing unacknowledged on a dev stack with teardown and an alarm email', () => {
    const { app } = synthesize({
      destroyOnRemoval: 'true',
      alarmEmail: 'ops@example.org',
      apiGatewayCloudWatchRole: 'false',
    });

    expect(unacknowledgedFindings(app)).toEqual([]);
  });

  it('report nothing unacknowledged on a stack with provisioned table capacity', () => {
    const { app, stack } = synthesize({ tableCapacity: 'provisioned' });

    expect(unacknowledgedFindings(app)).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  it('fail synthesis on an unacknowledged finding', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Probe');
    new Bucket(stack, 'Unlogged');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });

  it('acknowledge each finding on its resource with a specific reason', () => {
    const { app } = synthesize();
    const acks = acknowledgements(app);

    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.path, ack.id).not.toBe('Eventwire');
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(40);
    }
  });
});
