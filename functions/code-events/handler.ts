import { createEventCoder } from '../../src/coder/index.js';
import { CodeMessageSchema } from '../../src/queue/messages.js';
import { createLambdaRuntime, lambdaBucketPlatform, sqsStageHandler } from '../../src/runtime/lambda.js';
import { CODE_EVENTS_ENV, codeEventsDeps } from '../../src/runtime/roots/code-events.js';
import { codeArticle } from '../../src/stages/code-events.js';

const runtime = createLambdaRuntime('code-events', CODE_EVENTS_ENV);
// Loaded during the init phase, which is not billed at the invoke rate.
const coder = createEventCoder();
const deps = codeEventsDeps(lambdaBucketPlatform(runtime), () => coder);

/** SQS code queue -> code one stored article per record into events. */
export const handler = sqsStageHandler(runtime, CodeMessageSchema, (message) => codeArticle(message, deps));
