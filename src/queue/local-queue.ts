import { randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { type Deferrer, notBeforeOf } from './deferral.js';
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

export interface LocalQueueOptions {
  /**
   * How long a failed record stays invisible before it is delivered again, doubled on each further receive: the
   * local stand-in for SQS's visibility timeout, so a transient fault does not use up every attempt at once
   * (default 1000 ms).
   */
  redeliveryDelayMs?: number;
  now?: () => number;
}

/**
 * An in-process queue with SQS's delivery contract: messages come out in SQS-shaped batches, a record the
 * consumer reports as failed is delivered again after a visibility delay, and after `maxReceiveCount` receives it
 * moves to the dead-letter list with its last reason. A deferred message (see deferral.ts) is held, like an SQS
 * message sent with DelaySeconds, until its time: it is a new message, so the wait is no receive.
 */
export class LocalQueue<T> implements MessageSink<T>, Deferrer {
  private readonly ready: QueuedMessage[] = [];
  /** Messages not visible before `at` (epoch ms), earliest first. */
  private readonly delayed: { message: QueuedMessage; at: number }[] = [];
  private readonly inFlight = new Map<string, QueuedMessage>();
  private readonly redeliveryDelayMs: number;
  private readonly now: () => number;
  readonly deadLetters: DeadLetter[] = [];
  sent = 0;
  /** Messages sent again to wait (deferred). */
  deferred = 0;
  /** Messages sent holding a not-before time ahead (an article holding its host slot): held until then. */
  sentHeld = 0;

  constructor(
    readonly name: string,
    private readonly maxReceiveCount = 3,
    options: LocalQueueOptions = {},
  ) {
    this.redeliveryDelayMs = options.redeliveryDelayMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  async send(messages: readonly T[]): Promise<void> {
    await this.sendRaw(messages.map((message) => JSON.stringify(message)));
  }

  /** Enqueues message bodies as they are, valid or not: how `redrive` replays dead letters. */
  async sendRaw(bodies: readonly string[]): Promise<void> {
    const now = this.now();
    for (const body of bodies) {
      // A message carrying its not-before time is held until then, as SQS holds one sent with DelaySeconds.
      const due = notBeforeOf(parsed(body))?.getTime() ?? now;
      if (due > now) {
        this.hold(newMessage(body), due);
        this.sentHeld += 1;
      } else this.ready.push(newMessage(body));
      this.sent += 1;
    }
  }

  /** Holds a new message with this body until `notBefore`. */
  async defer(body: string, notBefore: Date): Promise<void> {
    this.hold(newMessage(body), notBefore.getTime());
    this.deferred += 1;
  }

  /** Messages waiting or in flight, delayed ones included. */
  get depth(): number {
    return this.ready.length + this.delayed.length + this.inFlight.size;
  }

  /** Messages held until a later time (deferred, or failed and waiting to be delivered again). */
  get held(): number {
    return this.delayed.length;
  }

  /** When the earliest delayed message becomes visible (epoch ms), or null when none is delayed. */
  get nextVisibleAt(): number | null {
    return this.delayed[0]?.at ?? null;
  }

  /** Bodies of the messages still waiting (ready or delayed), with the time each becomes visible. */
  waiting(): { body: string; at: number }[] {
    const now = this.now();
    return [
      ...this.ready.map((message) => ({ body: message.body, at: now })),
      ...this.delayed.map(({ message, at }) => ({ body: message.body, at })),
    ];
  }

  /** Takes up to `size` visible messages as an SQS event; they stay in flight until settled. */
  receive(size = 10): SQSEvent | null {
    const now = this.now();
    while (this.delayed.length > 0 && (this.delayed[0]?.at ?? Infinity) <= now) {
      const next = this.delayed.shift();
      if (next) this.ready.push(next.message);
    }
    const batch = this.ready.splice(0, size);
    if (batch.length === 0) return null;
    const Records = batch.map((message) => {
      message.receiveCount += 1;
      this.inFlight.set(message.messageId, message);
      return toRecord(this.name, message);
    });
    return { Records };
  }

  /** Settles a received batch: failed ids come back after the visibility delay or, past the limit, go to the dead letters. */
  settle(event: SQSEvent, failedIds: ReadonlySet<string>, reasons: ReadonlyMap<string, string> = new Map()): void {
    for (const record of event.Records) {
      const message = this.inFlight.get(record.messageId);
      this.inFlight.delete(record.messageId);
      if (!message || !failedIds.has(record.messageId)) continue;
      message.lastReason = reasons.get(record.messageId) ?? 'failed';
      if (message.receiveCount >= this.maxReceiveCount) {
        this.deadLetters.push({ body: message.body, receiveCount: message.receiveCount, reason: message.lastReason });
      } else {
        this.hold(message, this.now() + this.redeliveryDelayMs * 2 ** (message.receiveCount - 1));
      }
    }
  }

  private hold(message: QueuedMessage, at: number): void {
    const index = this.delayed.findIndex((entry) => entry.at > at);
    this.delayed.splice(index === -1 ? this.delayed.length : index, 0, { message, at });
  }
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function newMessage(body: string): QueuedMessage {
  return { messageId: randomUUID(), body, receiveCount: 0, lastReason: '' };
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
