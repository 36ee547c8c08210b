import { randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { MessageSink } from './sink.js';

export interface DeadLetter {
  body: string;
  receiveCount: number;
  reason: string;
}

interface QueuedMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  lastReason: string;
}

/**
 * An in-process queue with SQS's delivery contract: messages come out in SQS-shaped batches, a record the
 * consumer reports as failed is delivered again, and after `maxReceiveCount` receives it moves to the
 * dead-letter list with its last reason.
 */
export class LocalQueue<T> implements MessageSink<T> {
  private readonly ready: QueuedMessage[] = [];
  private readonly inFlight = new Map<string, QueuedMessage>();
  readonly deadLetters: DeadLetter[] = [];
  sent = 0;

  constructor(
    readonly name: string,
    private readonly maxReceiveCount = 3,
  ) {}

  async send(messages: readonly T[]): Promise<void> {
    for (const message of messages) {
      this.ready.push({ messageId: randomUUID(), body: JSON.stringify(message), receiveCount: 0, lastReason: '' });
      this.sent += 1;
    }
  }

  /** Enqueues message bodies as they are, valid or not: how `redrive` replays dead letters. */
  async sendRaw(bodies: readonly string[]): Promise<void> {
    for (const body of bodies) {
      this.ready.push({ messageId: randomUUID(), body, receiveCount: 0, lastReason: '' });
      this.sent += 1;
    }
  }

  get depth(): number {
    return this.ready.length + this.inFlight.size;
  }

  /** Takes up to `size` messages as an SQS event; they stay in flight until settled. */
  receive(size = 10): SQSEvent | null {
    const batch = this.ready.splice(0, size);
    if (batch.length === 0) return null;
    const Records = batch.map((message) => {
      message.receiveCount += 1;
      this.inFlight.set(message.messageId, message);
      return toRecord(this.name, message);
    });
    return { Records };
  }

  /** Settles a received batch: failed ids go back to the queue or, past the limit, to the dead letters. */
  settle(event: SQSEvent, failedIds: ReadonlySet<string>, reasons: ReadonlyMap<string, string> = new Map()): void {
    for (const record of event.Records) {
      const message = this.inFlight.get(record.messageId);
      this.inFlight.delete(record.messageId);
      if (!message || !failedIds.has(record.messageId)) continue;
      message.lastReason = reasons.get(record.messageId) ?? 'failed';
      if (message.receiveCount >= this.maxReceiveCount) {
        this.deadLetters.push({ body: message.body, receiveCount: message.receiveCount, reason: message.lastReason });
      } else {
        this.ready.push(message);
      }
    }
  }
}

function toRecord(queueName: string, message: QueuedMessage): SQSRecord {
  const now = String(Date.now());
  return {
    messageId: message.messageId,
    receiptHandle: message.messageId,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: now,
      SenderId: 'eventwire-local',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:local:000000000000:${queueName}`,
    awsRegion: 'local',
  };
}
