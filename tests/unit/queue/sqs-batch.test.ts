import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidMessageError } from '../../../src/queue/errors.js';
import { LocalQueue } from '../../../src/queue/local-queue.js';
import { handleSqsBatch } from '../../../src/queue/sqs-batch.js';

const Schema = z.object({ id: z.string() });

describe('handleSqsBatch', () => {
  it('reports only the failed records so their neighbours are neither failed nor repeated', async () => {
    const queue = new LocalQueue<unknown>('test');
    await queue.send([{ id: 'a' }, { id: 'fail' }, { id: 'c' }]);
    const event = queue.receive(10) ?? { Records: [] };
    const handled: string[] = [];

    const response = await handleSqsBatch(event, Schema, async (message) => {
      if (message.id === 'fail') throw new Error('stage failed');
      handled.push(message.id);
    });

    expect(handled.sort()).toEqual(['a', 'c']);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[1]?.messageId }]);
  });

  it('fails a record whose body does not match the queue schema with a typed error', async () => {
    const queue = new LocalQueue<unknown>('test');
    await queue.send([{ wrong: true }]);
    const event = queue.receive(10) ?? { Records: [] };
    const errors: unknown[] = [];

    const response = await handleSqsBatch(event, Schema, async () => undefined, {
      failed: (_record, error) => errors.push(error),
    });

    expect(response.batchItemFailures).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InvalidMessageError);
  });
});
