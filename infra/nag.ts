import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges (suppresses) one cdk-nag finding on a construct and its children, with the reason that
 * justifies it. cdk-nag v3 reads CDK's native acknowledgements; each finding id is acknowledged on its own.
 */
export function acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: ruleId, reason });
}

/**
 * The AwsSolutions-IAM5 finding id of a wildcard resource built from another resource's ARN, e.g.
 * `AwsSolutions-IAM5[Resource::<DataBucketE3889A50.Arn>/text/*]`. cdk-nag names the resource by logical id,
 * which this computes instead of hard-coding it.
 */
export function wildcardArnFinding(resource: IConstruct, suffix: string, attribute = 'Arn'): string {
  const cfn = resource.node.defaultChild as CfnElement | undefined;
  if (!cfn) throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return `AwsSolutions-IAM5[Resource::<${Stack.of(cfn).getLogicalId(cfn)}.${attribute}>${suffix}]`;
}

/** The AwsSolutions-IAM5 finding id of `Resource: "*"`. */
export const STAR_RESOURCE_FINDING = 'AwsSolutions-IAM5[Resource::*]';
