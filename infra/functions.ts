/**
 * The pipeline's Lambda functions: one entry file each under functions/<id>/handler.ts (export `handler`).
 * Sizing lives here, beside the reason for it; code-events memory is also a context value.
 */
export const FUNCTION_IDS = [
  'schedule-feeds',
  'fetch-feed',
  'fetch-article',
  'code-events',
  'publish-changes',
  'api',
] as const;
export type FunctionId = (typeof FUNCTION_IDS)[number];

/** The functions of the optional backfill (context `backfill=true`); not part of the default stack. */
export const BACKFILL_FUNCTION_IDS = ['backfill-plan', 'backfill-worker'] as const;
export type BackfillFunctionId = (typeof BACKFILL_FUNCTION_IDS)[number];

export interface FunctionSpec {
  readonly id: FunctionId | BackfillFunctionId;
  readonly description: string;
  /** Memory (MB); also buys CPU, which matters for parsing and NLP. */
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
}

export const FUNCTION_SPECS: Readonly<Record<FunctionId, FunctionSpec>> = {
  'schedule-feeds': {
    id: 'schedule-feeds',
    description: 'Syncs the feed list and enqueues the feeds that are due',
    memoryMb: 256,
    timeoutSeconds: 60,
  },
  'fetch-feed': {
    id: 'fetch-feed',
    description: 'Fetches and parses one feed per message, enqueues new articles',
    memoryMb: 512,
    // One slow host must not sink the batch: the HTTP client has its own shorter per-request timeout.
    timeoutSeconds: 120,
  },
  'fetch-article': {
    id: 'fetch-article',
    description: 'Fetches article pages, extracts text, stores raw page and text in S3',
    memoryMb: 1024,
    timeoutSeconds: 180,
  },
  'code-events': {
    id: 'code-events',
    description: 'Codes article text into PLOVER/CAMEO events',
    memoryMb: 1024,
    timeoutSeconds: 180,
  },
  'publish-changes': {
    id: 'publish-changes',
    description: 'Publishes event table changes to the eventwire EventBridge bus',
    memoryMb: 256,
    timeoutSeconds: 60,
  },
  api: {
    id: 'api',
    description: 'Read-only HTTP API over events and articles',
    memoryMb: 512,
    // API Gateway gives up after 29 s; answer (or fail) before that.
    timeoutSeconds: 25,
  },
};

export const BACKFILL_FUNCTION_SPECS: Readonly<Record<BackfillFunctionId, FunctionSpec>> = {
  'backfill-plan': {
    id: 'backfill-plan',
    description: 'Lists the WARC files of a backfill and cuts them into byte ranges',
    memoryMb: 256,
    timeoutSeconds: 300,
  },
  'backfill-worker': {
    id: 'backfill-worker',
    description: 'Takes the records of one WARC byte range through fetch-article and code-events',
    // Memory is a context value (backfillWorkerMemoryMb). An invocation stops taking records with 5 of its
    // 15 minutes left (src/backfill/range-worker.ts), so it works at most 10 and the child goes on in a new one.
    memoryMb: 2048,
    timeoutSeconds: 900,
  },
};

/** Repository-relative entry file of a function. */
export function entryOf(id: FunctionId | BackfillFunctionId): string {
  return `functions/${id}/handler.ts`;
}
