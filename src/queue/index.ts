export * from './messages.js';
export * from './errors.js';
export { handleSqsBatch, parseMessage, failureReason, type BatchObserver } from './sqs-batch.js';
export { SqsSink, sqsSink, type MessageSink } from './sink.js';
export { LocalQueue, type DeadLetter } from './local-queue.js';
