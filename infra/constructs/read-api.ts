import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTION_SPECS } from '../functions.js';
import { acknowledge } from '../nag.js';
import { EventwireFunction } from './eventwire-function.js';
import { useTable } from './grants.js';

export interface ReadApiProps {
  readonly eventsTable: Table;
  readonly articlesTable: Table;
  readonly rateLimit: number;
  readonly burstLimit: number;
  /** Create the account-wide API Gateway CloudWatch role that access and execution logging need. */
  readonly createCloudWatchRole: boolean;
  readonly logRetention: RetentionDays;
  readonly logLevel: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Read-only HTTP API: a REST API whose every method requires SigV4 (AWS_IAM) authorization, with one GET
 * proxy to the api function, throttling, access logs and X-Ray tracing.
 */
export class ReadApi extends Construct {
  readonly api: RestApi;
  readonly handler: EventwireFunction;

  constructor(scope: Construct, id: string, props: ReadApiProps) {
    super(scope, id);
    this.handler = new EventwireFunction(this, 'Handler', {
      spec: FUNCTION_SPECS.api,
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      removalPolicy: props.removalPolicy,
    });
    useTable(this.handler, 'events', props.eventsTable, 'query');
    useTable(this.handler, 'articles', props.articlesTable, 'read');

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.api = new RestApi(this, 'Api', {
      description: 'eventwire read-only API (IAM-authorised)',
      endpointTypes: [EndpointType.REGIONAL],
      cloudWatchRole: props.createCloudWatchRole,
      // The role backs an account-wide setting that other APIs may rely on: never delete it with this stack.
      ...(props.createCloudWatchRole ? { cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN } : {}),
      defaultMethodOptions: { authorizationType: AuthorizationType.IAM },
      deployOptions: {
        stageName: 'v1',
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        // Request and response bodies stay out of the logs.
        dataTraceEnabled: false,
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      },
    });
    const validator = this.api.addRequestValidator('Parameters', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    const integration = new LambdaIntegration(this.handler.fn);
    this.api.root.addMethod('GET', integration, { requestValidator: validator });
    this.api.root.addProxy({ anyMethod: false }).addMethod('GET', integration, {
      requestValidator: validator,
      requestParameters: { 'method.request.path.proxy': true },
    });
    this.acknowledgeFindings(props);
  }

  private acknowledgeFindings(props: ReadApiProps): void {
    acknowledge(
      this.api,
      'AwsSolutions-COG4',
      'Callers are AWS principals (services, roles) authorised by SigV4 (AWS_IAM), not Cognito users.',
    );
    if (props.createCloudWatchRole) {
      acknowledge(
        this.api,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        'The account-level API Gateway logging role; this AWS managed policy is the documented policy for it and covers only CloudWatch Logs.',
      );
    }
    acknowledge(
      this.api,
      'AwsSolutions-APIG3',
      'IAM authorisation rejects unsigned requests before they reach the function; stage throttling caps the rate. A WAF web ACL adds cost without protecting a signed-request-only API further.',
    );
  }
}
