import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config/index.js';
import { snakeCaseKeys } from '../core/snake-case.js';
import type { LocalQueue } from '../queue/local-queue.js';
import type { ArticleMessage, CodeMessage } from '../queue/messages.js';
import { type StageDeps, type StageObserver, scheduleDueFeeds } from '../stages/index.js';
import type { AwsClients } from '../storage/clients.js';
import type { FeedSpec } from '../storage/feed-store.js';
import { createLocalPipeline, type StageTiming } from './local-pipeline.js';
import { articleIdOfKey, takeLostObjects } from './s3rver-repair.js';
import { lostObjectsFileOf } from './stack.js';

export interface PipelineRunOptions {
  config: AppConfig;
  feeds: readonly FeedSpec[];
  observer: StageObserver;
  dataDir: string;
  /** Aborting (Ctrl-C) stops taking new work; what is left is finished by the next run. */
  signal: AbortSignal;
  /** Receives before a record is dead-lettered (SQS maxReceiveCount). */
  maxReceiveCount?: number;
  /** Per-message stage durations, for the benchmark. */
  timing?: StageTiming;
}

export interface PipelineRunResult {
  interrupted: boolean;
  resumed: { fetch: number; code: number };
  deadLetters: number;
  clients: AwsClients;
  deps: StageDeps;
}

/**
 * One local run of the whole pipeline with the Lambdas' stage code: schedule every feed, resume articles a
 * previous run left unfinished, then drain feed -> article -> code queues through SQS-shaped batches.
 */
export async function runPipeline(options: PipelineRunOptions): Promise<PipelineRunResult> {
  const { clients, queues, deps, drain } = createLocalPipeline(
    options.config,
    options.observer,
    options.maxReceiveCount,
    options.timing,
  );
  await scheduleDueFeeds(deps, options.feeds, { everyFeed: true });
  await reopenLostArticles(deps, options.dataDir);
  const resumed = await resumeUnfinished(deps, queues);
  await drain(options.signal);
  const deadLetters = await saveDeadLetters(options.dataDir, [queues.feed, queues.article, queues.code]);
  return { interrupted: options.signal.aborted, resumed, deadLetters, clients, deps };
}

/** Articles whose stored objects the stack's start-up repair had to remove are fetched and stored again. */
async function reopenLostArticles(deps: StageDeps, dataDir: string): Promise<void> {
  const now = deps.clock();
  for (const articleId of new Set((await takeLostObjects(lostObjectsFileOf(dataDir))).map(articleIdOfKey))) {
    const article = await deps.articles.get(articleId);
    if (article && article.status !== 'pending') await deps.articles.reopen(articleId, 'fetch', now);
  }
}

/** Articles a previous (interrupted) run left between stages go back on their queues. */
async function resumeUnfinished(
  deps: StageDeps,
  queues: { article: LocalQueue<ArticleMessage>; code: LocalQueue<CodeMessage> },
): Promise<{ fetch: number; code: number }> {
  const toFetch = await deps.articles.pending('fetch');
  const toCode = await deps.articles.pending('code');
  await queues.article.send(toFetch.map((article) => ({ article_id: article.article_id })));
  await queues.code.send(toCode.map((article) => ({ article_id: article.article_id })));
  return { fetch: toFetch.length, code: toCode.length };
}

/** Dead letters are appended to `<dataDir>/dead-letters/<queue>.jsonl`, where `eventwire redrive` finds them. */
async function saveDeadLetters(dataDir: string, queues: ReadonlyArray<LocalQueue<unknown>>): Promise<number> {
  let total = 0;
  for (const queue of queues) {
    if (queue.deadLetters.length === 0) continue;
    await mkdir(join(dataDir, 'dead-letters'), { recursive: true });
    const lines = queue.deadLetters.map((letter) =>
      JSON.stringify(snakeCaseKeys({ ...letter, deadLetteredAt: new Date().toISOString() })),
    );
    await appendFile(join(dataDir, 'dead-letters', `${queue.name}.jsonl`), `${lines.join('\n')}\n`);
    total += queue.deadLetters.length;
  }
  return total;
}
