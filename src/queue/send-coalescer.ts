import type { MessageSink } from './sink.js';

interface Waiting {
  sink: MessageSink<unknown>;
  messages: readonly unknown[];
  settle: (error?: unknown) => void;
}

/**
 * Gathers what the records of one SQS batch send to the next queue into one send (SendMessageBatch, 10 messages a
 * request) instead of one request per record. Each record runs inside `track`; a send made there waits until every
 * record still running is itself waiting to send (or done), then all waiting messages go out together and each
 * send resolves, or rejects with the failure, so a record is acknowledged only once its messages are accepted. The
 * records of a batch run together, so the batch takes no longer. A send outside any record goes at once.
 */
export class SendCoalescer {
  private running = 0;
  private waiting: Waiting[] = [];

  /** Runs one record's work; its sends are gathered with those of the records running beside it. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.flushWhenBlocked();
    }
  }

  /** `inner`, with sends gathered across the records being tracked. */
  sink<T>(inner: MessageSink<T>): MessageSink<T> {
    return {
      send: (messages) => {
        if (messages.length === 0) return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
          this.waiting.push({
            sink: inner as MessageSink<unknown>,
            messages,
            settle: (error) => (error === undefined ? resolve() : reject(error)),
          });
          // The batch starts every record before any of them awaits: checking after the current turn lets a record
          // that sends at once wait for its neighbours rather than go alone.
          queueMicrotask(() => this.flushWhenBlocked());
        });
      },
    };
  }

  private flushWhenBlocked(): void {
    if (this.waiting.length === 0 || this.waiting.length < this.running) return;
    const batch = this.waiting;
    this.waiting = [];
    for (const sink of new Set(batch.map((entry) => entry.sink))) {
      const entries = batch.filter((entry) => entry.sink === sink);
      sink.send(entries.flatMap((entry) => entry.messages)).then(
        () => {
          for (const entry of entries) entry.settle();
        },
        (error: unknown) => {
          for (const entry of entries) entry.settle(error ?? new Error('send failed'));
        },
      );
    }
  }
}
