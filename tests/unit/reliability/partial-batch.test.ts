import { describe, expect, it } from 'vitest';
import { drainQueues, queueConsumer } from '../../../src/local/drain.js';
import { LocalQueue } from '../../../src/queue/local-queue.js';
import { type CodeMessage, CodeMessageSchema } from '../../../src/queue/messages.js';
import { UnknownItemError } from '../../../src/stages/errors.js';

const KNOWN = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];

/** A code stage that knows eight articles and counts how often each is handled. */
function countingStage(): { handled: Map<string, number>; stage: (message: CodeMessage) => Promise<void> } {
  const handled = new Map<string, number>();
  return {
    handled,
    stage: async ({ article_id: articleId }) => {
      if (!KNOWN.includes(articleId)) throw new UnknownItemError(`article ${articleId} is not in the articles table`);
      handled.set(articleId, (handled.get(articleId) ?? 0) + 1);
    },
  };
}

async function drainWithOneBadMessage(
  badBody: string,
): Promise<{ queue: LocalQueue<CodeMessage>; handled: Map<string, number> }> {
  const queue = new LocalQueue<CodeMessage>('code', 3, { redeliveryDelayMs: 10 });
  await queue.send(KNOWN.slice(0, 4).map((articleId) => ({ article_id: articleId })));
  await queue.sendRaw([badBody]);
  await queue.send(KNOWN.slice(4).map((articleId) => ({ article_id: articleId })));
  const { handled, stage } = countingStage();
  await drainQueues([queueConsumer(queue, CodeMessageSchema, stage, 1)], new AbortController().signal);
  return { queue, handled };
}

describe('one bad message in an SQS batch', () => {
  it('handles each of its nine neighbours exactly once when its body is not JSON', async () => {
    const { handled } = await drainWithOneBadMessage('{"articleId": "a9"');

    expect([...handled.entries()].sort()).toEqual(KNOWN.map((id) => [id, 1]));
  });

  it('dead-letters a body that is not JSON after maxReceiveCount receives, with the parse failure as reason', async () => {
    const { queue } = await drainWithOneBadMessage('{"articleId": "a9"');

    expect(queue.deadLetters).toEqual([
      {
        body: '{"articleId": "a9"',
        receiveCount: 3,
        reason: expect.stringMatching(/^InvalidMessageError: message .* is not JSON$/),
      },
    ]);
  });

  it('dead-letters an unknown article id with its reason and leaves the queue empty', async () => {
    const { queue, handled } = await drainWithOneBadMessage(JSON.stringify({ article_id: 'no-such-article' }));

    expect(handled.size).toBe(KNOWN.length);
    expect(queue.depth).toBe(0);
    expect(queue.deadLetters).toEqual([
      {
        body: '{"article_id":"no-such-article"}',
        receiveCount: 3,
        reason: 'UnknownItemError: article no-such-article is not in the articles table',
      },
    ]);
  });

  it('dead-letters a message of the wrong shape, naming the shape problem', async () => {
    const { queue } = await drainWithOneBadMessage(JSON.stringify({ feed_id: 'f1' }));

    expect(queue.deadLetters[0]?.reason).toMatch(/^InvalidMessageError: message .* does not match its queue's shape/);
  });
});
