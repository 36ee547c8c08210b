import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Findings of the AWS Solutions pack that no acknowledgement covers, as "rule at path". */
export function unacknowledgedFindings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(scope);
  return report.violations.flatMap((v) =>
    v.violatingResources.map(
      (r) => `${v.ruleName} (${v.severity}) at ${r.constructPath ?? r.resourceLogicalId ?? '?'}`,
    ),
  );
}
