import { ENV } from '../../src/config/index.js';
import { createEventCoder } from '../../src/coder/index.js';
import { createLambdaRuntime, sqsStageHandler } from '../../src/runtime/lambda.js';
import { CodeMessageSchema } from '../../src/queue/messages.js';
import { codeArticle } from '../../src/stages/code-events.js';

const runtime = createLambdaRuntime('code-events', [ENV.articlesTable, ENV.eventsTable, ENV.bucket], { createCoder: () => createEventCoder() });
// Load the NLP model and dictionaries during the init phase, which is not billed at the invoke rate.
runtime.deps.coder();

/** SQS code queue -> code one stored article per record into events. */
export const handler = sqsStageHandler(runtime, CodeMessageSchema, codeArticle);
