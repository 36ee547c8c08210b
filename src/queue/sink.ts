import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { EventwireError } from '../core/errors.js';
import { type Deferrer, notBeforeOf } from './deferral.js';
import { SendFailedError } from './errors.js';

/** Where a stage sends messages for the next stage. */
export interface MessageSink<T> {
  send(messages: readonly T[]): Promise<void>;
}

const SQS_BATCH_LIMIT = 10;

/** The SQS sink for a queue URL from the config; a function without the queue fails when it first sends. */
export function sqsSink<T>(sqs: SQSClient, queueUrl: string | undefined, queueName: string): MessageSink<T> {
  if (!queueUrl)
    return {
      send: async () => {
        throw new EventwireError(`this function has no ${queueName} queue configured`);
      },
    };
  return new SqsSink<T>(sqs, queueUrl);
}
const SEND_ATTEMPTS = 5;

/** Sends to an SQS queue in batches of 10, resending only the entries SQS reports as failed, with backoff. */
export class SqsSink<T> implements MessageSink<T> {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  async send(messages: readonly T[]): Promise<void> {
    for (let start = 0; start < messages.length; start += SQS_BATCH_LIMIT) {
      await this.sendBatch(messages.slice(start, start + SQS_BATCH_LIMIT));
    }
  }

  private async sendBatch(batch: readonly T[]): Promise<void> {
    // A message that carries its not-before time (a deferral) is delivered no earlier, as a deferred one is.
    let entries = batch.map((message, i) => ({
      Id: String(i),
      MessageBody: JSON.stringify(message),
      ...delayOf(notBeforeOf(message), this.now()),
    }));
    for (let attempt = 1; entries.length > 0; attempt += 1) {
      const result = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
      const failed = new Set((result.Failed ?? []).map((failure) => failure.Id));
      entries = entries.filter((entry) => failed.has(entry.Id));
      if (entries.length === 0) return;
      if (attempt >= SEND_ATTEMPTS)
        throw new SendFailedError(`${entries.length} messages not accepted by ${this.queueUrl}`);
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt * Math.random()));
    }
  }
}

/** SQS delays a message at most 15 minutes; a longer wait is deferred again when the message comes back. */
export const MAX_DELAY_SECONDS = 900;

/**
 * Defers a message by sending it again to its own queue with DelaySeconds (whole seconds, rounded up, so it never
 * arrives early; at most 15 minutes). The caller then acknowledges the original, so the wait is no receive.
 */
export class SqsDeferrer implements Deferrer {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  async defer(body: string, notBefore: Date): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: body,
        DelaySeconds: delayOf(notBefore, this.now()).DelaySeconds ?? 0,
      }),
    );
  }
}

/** SQS's DelaySeconds for a message due at `notBefore`: whole seconds, rounded up so it never arrives early. */
function delayOf(notBefore: Date | null, now: number): { DelaySeconds?: number } {
  if (!notBefore || notBefore.getTime() <= now) return {};
  return { DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.ceil((notBefore.getTime() - now) / 1000)) };
}
