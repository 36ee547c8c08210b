import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { drainQueues, queueConsumer } from '../../../src/local/drain.js';
import { DeferError, deferOrGiveUp, MAX_TOTAL_WAIT_MS, WaitTooLongError } from '../../../src/queue/deferral.js';
import { LocalQueue } from '../../../src/queue/local-queue.js';
import { type CodeMessage, CodeMessageSchema } from '../../../src/queue/messages.js';
import { SqsDeferrer } from '../../../src/queue/sink.js';
import { handleSqsBatch } from '../../../src/queue/sqs-batch.js';

const sqs = new SQSClient({ region: 'us-east-1' });
const sqsMock = mockClient(sqs);
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/code';

function eventOf(...bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body, n) => ({
      messageId: `m${n}`,
      receiptHandle: `r${n}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '0',
        SenderId: 'test',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:code',
      awsRegion: 'us-east-1',
    })),
  };
}

describe('a stage that must wait, in Lambda', () => {
  beforeEach(() => {
    sqsMock.reset();
    sqsMock.on(SendMessageCommand).resolves({});
  });

  it('sends the message again to its own queue with a delay and acknowledges the original', async () => {
    const notBefore = new Date(Date.now() + 42_500);
    const deferrer = new SqsDeferrer(sqs, QUEUE_URL);

    const response = await handleSqsBatch(
      eventOf('{"article_id":"a1"}'),
      CodeMessageSchema,
      async () => {
        throw new DeferError('first copy b2 is not coded yet', notBefore);
      },
      undefined,
      deferrer,
    );

    const sent = sqsMock.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(response.batchItemFailures).toEqual([]);
    expect(sent?.QueueUrl).toBe(QUEUE_URL);
    expect(sent?.DelaySeconds).toBe(43);
    expect(JSON.parse(sent?.MessageBody ?? '{}')).toMatchObject({
      article_id: 'a1',
      deferral: { not_before: notBefore.toISOString(), count: 1, reason: 'first copy b2 is not coded yet' },
    });
  });

  it('defers a wait past 15 minutes in steps: the early arrival is sent again without calling the stage', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const notBefore = new Date(Date.now() + 3_600_000).toISOString();
    const body = JSON.stringify({
      article_id: 'a1',
      deferral: { since, not_before: notBefore, count: 1, reason: 'Retry-After' },
    });
    let called = 0;

    const response = await handleSqsBatch(
      eventOf(body),
      CodeMessageSchema,
      async () => {
        called += 1;
      },
      undefined,
      new SqsDeferrer(sqs, QUEUE_URL),
    );

    const sent = sqsMock.commandCalls(SendMessageCommand)[0]?.args[0].input;
    expect(response.batchItemFailures).toEqual([]);
    expect(called).toBe(0);
    expect(sent?.DelaySeconds).toBe(900);
    expect(sent?.MessageBody).toBe(body);
  });

  it('fails the record, for the queue to retry, when the deferred message cannot be sent', async () => {
    sqsMock.on(SendMessageCommand).rejects(new Error('SQS unavailable'));

    const response = await handleSqsBatch(
      eventOf('{"article_id":"a1"}'),
      CodeMessageSchema,
      async () => {
        throw new DeferError('host busy', new Date(Date.now() + 1000));
      },
      undefined,
      new SqsDeferrer(sqs, QUEUE_URL),
    );

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
  });
});

describe('the bound on waiting', () => {
  it('defers while the total wait stays within the bound, then answers with an error to record on the item', () => {
    const now = new Date('2025-03-02T00:00:00Z');
    const waiting = {
      since: '2025-03-01T00:30:00Z',
      not_before: '2025-03-02T00:00:00Z',
      count: 40,
      reason: 'host busy',
    };

    const within = deferOrGiveUp(waiting, { notBefore: new Date('2025-03-02T00:10:00Z'), reason: 'busy' }, now);
    const beyond = deferOrGiveUp(
      waiting,
      { notBefore: new Date(Date.parse(waiting.since) + MAX_TOTAL_WAIT_MS + 1), reason: 'busy' },
      now,
    );

    expect(within).toBeInstanceOf(DeferError);
    expect(beyond).toBeInstanceOf(WaitTooLongError);
    expect(beyond.message).toContain('2025-03-01T00:30:00.000Z');
  });
});

describe('a stage that must wait, on the local queue', () => {
  it('is held until its time and then handled, using no receive: nothing is dead-lettered', async () => {
    const queue = new LocalQueue<CodeMessage>('code', 1);
    await queue.send([{ article_id: 'a1' }]);
    const handledAt: number[] = [];
    const started = Date.now();

    await drainQueues(
      [
        queueConsumer(
          queue,
          CodeMessageSchema,
          async (message) => {
            handledAt.push(Date.now() - started);
            if ((message.deferral?.count ?? 0) < 3) throw new DeferError('not yet', new Date(Date.now() + 100));
          },
          1,
        ),
      ],
      new AbortController().signal,
    );

    expect(queue.deadLetters).toEqual([]);
    expect(queue.deferred).toBe(3);
    expect(handledAt).toHaveLength(4);
    expect(handledAt[3]).toBeGreaterThanOrEqual(300);
  });

  it('ends the drain with the message left waiting when its time is further off than the bound', async () => {
    const queue = new LocalQueue<CodeMessage>('code', 1);
    await queue.send([{ article_id: 'a1' }]);
    const started = Date.now();

    const result = await drainQueues(
      [
        queueConsumer(
          queue,
          CodeMessageSchema,
          async () => {
            throw new DeferError('Retry-After: 120', new Date(Date.now() + 120_000));
          },
          1,
        ),
      ],
      new AbortController().signal,
      { maxWaitMs: 1000 },
    );

    expect(result.leftWaiting).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(queue.waiting()).toHaveLength(1);
    expect(queue.deadLetters).toEqual([]);
  });
});

describe('the queue a deferred Lambda record goes back to', () => {
  it('is the configured queue whose URL names the record’s source queue', async () => {
    const { ownQueueUrl } = await import('../../../src/runtime/lambda.js');
    const config = {
      queues: {
        feed: 'https://sqs.us-east-1.amazonaws.com/123456789012/stack-FeedQueue',
        article: 'https://sqs.us-east-1.amazonaws.com/123456789012/stack-ArticleQueue',
      },
    } as Parameters<typeof ownQueueUrl>[0];

    expect(ownQueueUrl(config, 'arn:aws:sqs:us-east-1:123456789012:stack-ArticleQueue')).toBe(
      'https://sqs.us-east-1.amazonaws.com/123456789012/stack-ArticleQueue',
    );
    expect(ownQueueUrl(config, 'arn:aws:sqs:us-east-1:123456789012:other')).toBeUndefined();
  });
});
