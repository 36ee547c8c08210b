import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { cdkBundlingOptions } from '../bundling.js';
import { entryOf, type FunctionSpec } from '../functions.js';
import { acknowledge, STAR_RESOURCE_FINDING } from '../nag.js';
import { fromRepoRoot, REPO_ROOT } from '../paths.js';

/** The newest Node.js runtime this aws-cdk-lib offers; pinned rather than NODEJS_LATEST so deploys are repeatable. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** Namespace of the custom metrics the stages emit through Powertools Metrics. */
export const METRICS_NAMESPACE = 'eventwire';

export interface EventwireFunctionProps {
  /** Which function and its sizing. */
  readonly spec: FunctionSpec;
  /** Memory (MB). @default spec.memoryMb */
  readonly memoryMb?: number;
  /** Retention of the function's log group. */
  readonly logRetention: RetentionDays;
  /** Powertools log level. */
  readonly logLevel: string;
  /** What happens to the log group when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Our defaults for every function: esbuild-bundled ESM on Node 24, ARM64, X-Ray active tracing, an explicit
 * log group with retention, Powertools settings, and a role that may only write its own log group.
 * Permissions and environment variables are added together by the helpers in grants.ts.
 */
export class EventwireFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;
  readonly spec: FunctionSpec;

  constructor(scope: Construct, id: string, props: EventwireFunctionProps) {
    super(scope, id);
    this.spec = props.spec;
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    // Own role instead of the AWSLambdaBasicExecutionRole managed policy: logs go to this one group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `eventwire ${props.spec.id} function`,
    });
    this.logGroup.grantWrite(this.role);
    acknowledge(
      this.role,
      STAR_RESOURCE_FINDING,
      'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    );
    this.fn = new NodejsFunction(this, 'Function', {
      description: props.spec.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? props.spec.memoryMb,
      timeout: Duration.seconds(props.spec.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      projectRoot: REPO_ROOT,
      depsLockFilePath: fromRepoRoot('package-lock.json'),
      entry: fromRepoRoot(entryOf(props.spec.id)),
      handler: 'handler',
      bundling: cdkBundlingOptions(props.spec.id),
      ...placeholderCodeWhenBundlingSkipped(scope),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.spec.id,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
  }

  /** The function's timeout, from which the consuming queue's visibility timeout is derived. */
  get timeout(): Duration {
    return Duration.seconds(this.spec.timeoutSeconds);
  }
}

/**
 * When the CDK skips bundling for this stack (tests with `aws:cdk:bundling-stacks: []`, `cdk ls`, deploys of
 * another stack), it would not upload the asset anyway; a placeholder lets synthesis run before the handler
 * files exist and without esbuild. `cdk synth` / `cdk deploy` of this stack always bundle the real entry.
 */
function placeholderCodeWhenBundlingSkipped(scope: Construct): { code?: Code; handler?: string } {
  if (Stack.of(scope).bundlingRequired) return {};
  return {
    code: Code.fromInline('exports.handler = async () => { throw new Error("bundling was skipped at synth"); };'),
    handler: 'index.handler',
  };
}
