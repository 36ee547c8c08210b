export * from './errors.js';
export { type DeadLetter, LocalQueue } from './local-queue.js';
export * from './messages.js';
export { type MessageSink, SqsSink, sqsSink } from './sink.js';
export { type BatchObserver, failureReason, handleSqsBatch, parseMessage } from './sqs-batch.js';
