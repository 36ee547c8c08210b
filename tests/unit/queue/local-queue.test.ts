import { describe, expect, it } from 'vitest';
import { LocalQueue } from '../../../src/queue/local-queue.js';

describe('LocalQueue', () => {
  it('delivers messages in SQS-shaped batches of at most the requested size', async () => {
    const queue = new LocalQueue<{ n: number }>('test');
    await queue.send(Array.from({ length: 12 }, (_, n) => ({ n })));

    const first = queue.receive(10);

    expect(first?.Records).toHaveLength(10);
    expect(first?.Records[0]?.eventSource).toBe('aws:sqs');
    expect(JSON.parse(first?.Records[0]?.body ?? '{}')).toEqual({ n: 0 });
    expect(queue.depth).toBe(12);
  });

  it('redelivers a failed record after its visibility delay and dead-letters it after the maximum receive count', async () => {
    let now = 0;
    const queue = new LocalQueue<string>('test', 2, { redeliveryDelayMs: 1000, now: () => now });
    await queue.send(['bad', 'good']);

    const first = queue.receive(10);
    const badId = first?.Records[0]?.messageId ?? '';
    queue.settle(first ?? { Records: [] }, new Set([badId]), new Map([[badId, 'boom']]));
    const tooSoon = queue.receive(10);
    now = 1000;
    const second = queue.receive(10);
    queue.settle(second ?? { Records: [] }, new Set([badId]), new Map([[badId, 'boom again']]));

    expect(tooSoon).toBeNull();
    expect(second?.Records.map((record) => record.body)).toEqual(['"bad"']);
    expect(second?.Records[0]?.attributes.ApproximateReceiveCount).toBe('2');
    expect(queue.deadLetters).toEqual([{ body: '"bad"', receiveCount: 2, reason: 'boom again' }]);
    expect(queue.depth).toBe(0);
  });
});
