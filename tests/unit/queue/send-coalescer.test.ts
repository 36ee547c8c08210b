import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalQueue } from '../../../src/queue/local-queue.js';
import { SendCoalescer } from '../../../src/queue/send-coalescer.js';
import type { MessageSink } from '../../../src/queue/sink.js';
import { handleSqsBatch } from '../../../src/queue/sqs-batch.js';

const Schema = z.object({ id: z.string() });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A sink that records each send it is asked for, and fails those holding a message named `fail`. */
function recordingSink(): MessageSink<{ id: string }> & { sends: string[][] } {
  const sends: string[][] = [];
  return {
    sends,
    send: async (messages) => {
      sends.push(messages.map((message) => message.id));
      if (messages.some((message) => message.id === 'fail')) throw new Error('queue refused the batch');
    },
  };
}

async function batchOf(ids: string[]) {
  const queue = new LocalQueue<unknown>('test');
  await queue.send(ids.map((id) => ({ id })));
  return queue.receive(10) ?? { Records: [] };
}

describe('SendCoalescer', () => {
  it('sends what the records of one batch send in one request, once every record has sent or finished', async () => {
    const coalescer = new SendCoalescer();
    const inner = recordingSink();
    const sink = coalescer.sink(inner);
    const event = await batchOf(['a', 'b', 'quiet', 'c']);

    const response = await handleSqsBatch(
      event,
      Schema,
      async (message) => {
        await pause(message.id.length * 5);
        if (message.id !== 'quiet') await sink.send([{ id: `next-${message.id}` }]);
      },
      undefined,
      undefined,
      coalescer,
    );

    expect(response.batchItemFailures).toEqual([]);
    expect(inner.sends).toEqual([['next-a', 'next-b', 'next-c']]);
  });

  it('fails the records whose messages the queue refused, so they are delivered again', async () => {
    const coalescer = new SendCoalescer();
    const inner = recordingSink();
    const sink = coalescer.sink(inner);
    const event = await batchOf(['fail', 'b']);

    const response = await handleSqsBatch(
      event,
      Schema,
      async (message) => sink.send([{ id: message.id }]),
      undefined,
      undefined,
      coalescer,
    );

    expect(response.batchItemFailures).toHaveLength(2);
  });

  it('sends at once outside a batch', async () => {
    const coalescer = new SendCoalescer();
    const inner = recordingSink();

    await coalescer.sink(inner).send([{ id: 'a' }]);

    expect(inner.sends).toEqual([['a']]);
  });
});
