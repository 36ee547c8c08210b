import { createEventCoder } from '../../src/coder/index.js';
import { bucketName, ENV, tableName } from '../../src/config/index.js';
import { CodeMessageSchema } from '../../src/queue/messages.js';
import { createLambdaRuntime, sqsStageHandler } from '../../src/runtime/lambda.js';
import { type CodeDeps, codeArticle } from '../../src/stages/code-events.js';
import { ArticleStore } from '../../src/storage/article-store.js';
import { BlobStore } from '../../src/storage/blob-store.js';
import { createDynamoClients, createS3Client } from '../../src/storage/clients.js';
import { EventStore } from '../../src/storage/event-store.js';

const runtime = createLambdaRuntime('code-events', [ENV.articlesTable, ENV.eventsTable, ENV.bucket]);
const { config, traced } = runtime;
const { doc } = createDynamoClients(config, traced);
// Loaded during the init phase, which is not billed at the invoke rate.
const coder = createEventCoder();
const deps: CodeDeps = {
  articles: new ArticleStore(doc, tableName(config, 'articles')),
  events: new EventStore(doc, tableName(config, 'events')),
  blobs: new BlobStore(createS3Client(config, traced), bucketName(config)),
  coder: () => coder,
  observer: runtime.observer,
  clock: () => new Date(),
};

/** SQS code queue -> code one stored article per record into events. */
export const handler = sqsStageHandler(runtime, CodeMessageSchema, (message) => codeArticle(message, deps));
