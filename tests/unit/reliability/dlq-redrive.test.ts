import { GetQueueAttributesCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { NoDeadLetterQueueError, startDlqRedrive } from '../../../src/cli/commands/redrive.js';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/eventwire-article';
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:eventwire-article';
const DLQ_ARN = 'arn:aws:sqs:us-east-1:123456789012:eventwire-article-dlq';
const sqsMock = mockClient(SQSClient);

beforeEach(() => {
  sqsMock.reset();
});

describe('redrive against AWS', () => {
  it('moves messages from the dead-letter queue named by the redrive policy back to the queue', async () => {
    sqsMock.on(GetQueueAttributesCommand).resolves({
      Attributes: {
        QueueArn: QUEUE_ARN,
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 5 }),
      },
    });
    sqsMock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-1' });

    const task = await startDlqRedrive(new SQSClient({ region: 'us-east-1' }), QUEUE_URL, 50);

    expect(task).toEqual({ taskHandle: 'task-1', sourceArn: DLQ_ARN, destinationArn: QUEUE_ARN });
    expect(sqsMock.commandCalls(StartMessageMoveTaskCommand)[0]?.args[0].input).toEqual({
      SourceArn: DLQ_ARN,
      DestinationArn: QUEUE_ARN,
      MaxNumberOfMessagesPerSecond: 50,
    });
  });

  it('leaves the pace to SQS when no rate is given', async () => {
    sqsMock.on(GetQueueAttributesCommand).resolves({
      Attributes: { QueueArn: QUEUE_ARN, RedrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN }) },
    });
    sqsMock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-2' });

    await startDlqRedrive(new SQSClient({ region: 'us-east-1' }), QUEUE_URL);

    expect(sqsMock.commandCalls(StartMessageMoveTaskCommand)[0]?.args[0].input).toEqual({
      SourceArn: DLQ_ARN,
      DestinationArn: QUEUE_ARN,
    });
  });

  it('refuses a queue without a redrive policy and starts no move task', async () => {
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: { QueueArn: DLQ_ARN } });

    await expect(startDlqRedrive(new SQSClient({ region: 'us-east-1' }), QUEUE_URL)).rejects.toBeInstanceOf(
      NoDeadLetterQueueError,
    );
    expect(sqsMock.commandCalls(StartMessageMoveTaskCommand)).toHaveLength(0);
  });
});
