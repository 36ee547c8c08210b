import { readFileSync } from 'node:fs';
import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { createEventwireApp, type EventwireApp } from '../../../infra/eventwire-app.js';
import { fromRepoRoot } from '../../../infra/paths.js';

/** The feature flags and settings of cdk.json, so tests synthesize what `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(fromRepoRoot('cdk.json'), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('context' in parsed))
    throw new Error('cdk.json has no context');
  const context = parsed.context;
  if (typeof context !== 'object' || context === null) throw new Error('cdk.json context is not an object');
  return { ...context };
}

export interface Synthesized extends EventwireApp {
  readonly template: Template;
}

/**
 * Builds and synthesizes the app as infra/app.ts does (cdk-nag included: synthesis throws on any finding),
 * with bundling skipped so no handler file or esbuild run is needed. CDK's built-in CloudFormation
 * validation is left to `npm run synth`: it costs seconds per synthesis.
 */
export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const built = createEventwireApp({
    context: { ...cdkJsonContext(), ...context, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: false,
  });
  return { ...built, template: Template.fromStack(built.stack) };
}

/** A CloudFormation resource as found by Template.findResources. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** Resources of one type, keyed by logical id. */
export function resourcesOf(
  template: Template,
  type: string,
  props: Record<string, unknown> = {},
): Record<string, CfnResourceJson> {
  return template.findResources(type, props) as Record<string, CfnResourceJson>;
}

/** The logical id of a construct's CloudFormation resource (its default child, or itself). */
export function idOf(construct: IConstruct): string {
  const cfn = construct.node.defaultChild ?? construct;
  if (!(cfn instanceof CfnElement)) throw new Error(`${construct.node.path} is not a CloudFormation element`);
  return Stack.of(cfn).getLogicalId(cfn);
}
