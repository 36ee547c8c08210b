import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { publishChanges } from '../../src/changes/publish.js';
import { describeError } from '../../src/core/errors.js';
import { createLambdaRuntime } from '../../src/runtime/lambda.js';
import { PUBLISH_CHANGES_ENV, publishChangesDeps } from '../../src/runtime/roots/publish-changes.js';

const runtime = createLambdaRuntime('publish-changes', PUBLISH_CHANGES_ENV);
const bus = runtime.traced(new EventBridgeClient({ region: runtime.config.region }));
const deps = publishChangesDeps(runtime.config, bus, runtime.observer);

/** Events table stream -> EventBridge bus: one "Article Coded" per coded article, "Events Changed" for the rest. */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  try {
    const { failure } = await publishChanges(event.Records, deps);
    if (!failure) return { batchItemFailures: [] };
    runtime.logger.error('publishing failed, the stream retries from this record', {
      sequence: failure.sequence,
      error: describeError(failure.error),
    });
    return { batchItemFailures: [{ itemIdentifier: failure.sequence }] };
  } finally {
    runtime.metrics.publishStoredMetrics();
  }
}
